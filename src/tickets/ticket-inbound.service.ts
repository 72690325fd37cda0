import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TICKET_SUBJECT_MAX_LENGTH } from './dto/ticket-fields';
import { TicketConversationService } from './ticket-conversation.service';
import { ticketIdFromMessageId, ticketIdFromSubject } from './ticket-reference';
import { TicketsService } from './tickets.service';

/** One email as the inbound mail reader hands it over: parsed, its HTML already sanitised, its attachments already stored. */
export interface InboundMail {
  /** The Message-ID header, angle brackets included; null when the message had none. */
  messageId: string | null;
  inReplyTo: string | null;
  /** The References header's Message-IDs, oldest first. */
  references: string[];
  subject: string;
  fromAddress: string;
  /**
   * Where it was sent, most telling first: Delivered-To and X-Original-To (the address the mail
   * server delivered to), then To, then Cc. Lower-case addresses.
   */
  toAddresses: string[];
  bodyText: string;
  /** Sanitised HTML, or null for a plain-text message. */
  bodyHtml: string | null;
  attachments: { name: string; mimeType: string; sizeBytes: number; storageKey: string }[];
}

export interface InboundFiling {
  ticketId: number;
  /** The ticket message row the mail became. */
  messageId: number;
  /** A new ticket was opened for it (no thread or reference matched). */
  created: boolean;
  /** How the ticket was found: `thread` (In-Reply-To/References), `reference` (the subject's [Ticket #id]) or `new`. */
  matchedBy: 'thread' | 'reference' | 'new';
}

/**
 * Files an inbound email on its ticket. Threading first: the In-Reply-To and References
 * Message-IDs (newest first) against the messages of every ticket, and the Message-IDs of the
 * emails public replies went out as; then the `[Ticket #id]` reference in the subject. Otherwise
 * it opens a ticket: on the account whose contact has the sender's address (several accounts:
 * the one where that contact is the primary contact, then the oldest account), on no account
 * when nobody has it; in the ticket group whose inbound address the mail was delivered to.
 */
@Injectable()
export class TicketInboundService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly conversation: TicketConversationService,
  ) {}

  /** Works inside the caller's transaction; the caller tells TicketEvents after its commit. */
  async receive(em: EntityManager, mail: InboundMail): Promise<InboundFiling> {
    const message = {
      kind: 'inbound' as const,
      authorUserId: null,
      fromAddress: mail.fromAddress,
      bodyText: mail.bodyText,
      bodyHtml: mail.bodyHtml,
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo,
      attachments: mail.attachments,
    };
    const threaded = await this.threadedTicket(em, mail);
    const referenced = threaded === null ? await this.referencedTicket(em, mail.subject) : null;
    const existing = threaded ?? referenced;
    if (existing !== null) {
      const added = await this.conversation.addMessage(em, existing, message);
      return {
        ticketId: added.ticketId,
        messageId: added.messageId,
        created: false,
        matchedBy: threaded !== null ? 'thread' : 'reference',
      };
    }
    const contact = await this.senderContact(em, mail.fromAddress);
    const ticketId = await this.tickets.openTicket(
      em,
      {
        accountId: contact?.accountId ?? null,
        subject: ticketSubject(mail.subject),
        description: null,
        groupId: await this.groupFor(em, mail.toAddresses),
        visibility: 'public',
        source: 'email',
        // A contact receives replies at the address on file; a stranger at the one they wrote from.
        recipients: [contact ? { contactId: contact.contactId } : { contactId: null, address: mail.fromAddress }],
      },
      null,
    );
    const added = await this.conversation.addMessage(em, ticketId, message);
    return { ticketId: added.ticketId, messageId: added.messageId, created: true, matchedBy: 'new' };
  }

  /** The ticket of the newest Message-ID the mail answers that is one of ours, or null. */
  private async threadedTicket(em: EntityManager, mail: InboundMail): Promise<number | null> {
    const ids = [...new Set([mail.inReplyTo, ...[...mail.references].reverse()].filter((id): id is string => !!id && id.length <= 255))];
    if (!ids.length) return null;
    const rows: { message_id: string; ticket_id: number }[] = await em.query(
      `SELECT m.message_id, m.ticket_id FROM ticket_messages m WHERE m.message_id IN (?)
       UNION ALL
       SELECT e.message_id, m.ticket_id FROM emails e
         JOIN ticket_message_emails tme ON tme.email_id = e.id
         JOIN ticket_messages m ON m.id = tme.message_id
        WHERE e.message_id IN (?)`,
      [ids, ids],
    );
    const byId = new Map(rows.map((r) => [r.message_id, Number(r.ticket_id)]));
    for (const id of ids) {
      const ticketId = byId.get(id) ?? (await this.existingTicket(em, ticketIdFromMessageId(id)));
      if (ticketId) return ticketId;
    }
    return null;
  }

  private async referencedTicket(em: EntityManager, subject: string): Promise<number | null> {
    return this.existingTicket(em, ticketIdFromSubject(subject));
  }

  private async existingTicket(em: EntityManager, id: number | null): Promise<number | null> {
    if (id === null) return null;
    const [row]: { id: number }[] = await em.query('SELECT id FROM tickets WHERE id = ?', [id]);
    return row ? Number(row.id) : null;
  }

  /** The contact whose email is the sender's: the primary contact of an account before another, then the oldest account. */
  private async senderContact(em: EntityManager, address: string): Promise<{ contactId: number; accountId: number } | null> {
    const [row]: { id: number; account_id: number }[] = await em.query(
      'SELECT id, account_id FROM contacts WHERE email = ? ORDER BY is_primary DESC, account_id, id LIMIT 1',
      [address],
    );
    return row ? { contactId: Number(row.id), accountId: Number(row.account_id) } : null;
  }

  /** The enabled ticket group whose inbound address comes first among the addresses the mail went to. */
  private async groupFor(em: EntityManager, addresses: string[]): Promise<number | null> {
    if (!addresses.length) return null;
    const rows: { id: number; inbound_address: string }[] = await em.query(
      'SELECT id, inbound_address FROM ticket_groups WHERE disabled = 0 AND inbound_address IN (?)',
      [addresses],
    );
    for (const address of addresses) {
      const group = rows.find((r) => r.inbound_address.toLowerCase() === address);
      if (group) return Number(group.id);
    }
    return null;
  }
}

function ticketSubject(subject: string): string {
  const clean = subject.replace(/\s+/g, ' ').trim();
  if (!clean) return '(no subject)';
  return clean.length > TICKET_SUBJECT_MAX_LENGTH ? `${clean.slice(0, TICKET_SUBJECT_MAX_LENGTH - 1)}…` : clean;
}
