/** The reference a ticket's emails carry in their subject, so an answer finds its ticket even without threading headers. */
export function ticketReference(id: number): string {
  return `[Ticket #${id}]`;
}

const REFERENCE = /\[Ticket #(\d{1,10})\]/i;

/** The ticket a subject names by its reference, or null. The last reference wins: "Re: Fwd: … [Ticket #3] … [Ticket #7]" is ticket 7. */
export function ticketIdFromSubject(subject: string | null | undefined): number | null {
  if (!subject) return null;
  const all = [...subject.matchAll(new RegExp(REFERENCE.source, 'gi'))];
  if (!all.length) return null;
  const id = Number(all[all.length - 1][1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The subject of a public reply: `Re: <subject> [Ticket #<id>]`. */
export function replySubject(ticketId: number, subject: string): string {
  const bare = subject.replace(new RegExp(REFERENCE.source, 'gi'), '').trim();
  return `Re: ${bare} ${ticketReference(ticketId)}`.slice(0, 255);
}

const OUR_MESSAGE_ID = /^<ticket-(\d{1,10})-(\d{1,10})\.[A-Za-z0-9]+@[^<>\s]+>$/;

/** The Message-ID of one outgoing email of a ticket message: `<ticket-<ticketId>-<messageId>.<random>@<domain>>`. */
export function ticketMessageId(ticketId: number, messageRowId: number, random: string, domain: string): string {
  return `<ticket-${ticketId}-${messageRowId}.${random}@${domain}>`;
}

/**
 * The ticket an outgoing Message-ID of ours names, or null. Each recipient of a public reply gets
 * an email of its own (and so a Message-ID of its own); all of them name the ticket this way.
 */
export function ticketIdFromMessageId(messageId: string | null | undefined): number | null {
  const match = messageId ? OUR_MESSAGE_ID.exec(messageId.trim()) : null;
  return match ? Number(match[1]) : null;
}
