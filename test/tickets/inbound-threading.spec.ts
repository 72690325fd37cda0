import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { transactionWithRetry } from '../../src/database/transaction';
import { TicketConversationService } from '../../src/tickets/ticket-conversation.service';
import { InboundMail, TicketInboundService } from '../../src/tickets/ticket-inbound.service';
import { TicketMergeService } from '../../src/tickets/ticket-merge.service';
import { TicketsService } from '../../src/tickets/tickets.service';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

/**
 * Where an inbound email is filed: by its threading headers, newest first, on the ticket whose
 * message or outgoing email carried the Message-ID; else by the subject's [Ticket #id]; else on a
 * new ticket. A merged ticket's mail goes to the survivor, and a closed ticket opens again.
 */
describe('threading inbound mail onto tickets', () => {
  let sut: TestApp;
  let receive: (mail: Partial<InboundMail>) => Promise<{ ticketId: number; created: boolean; matchedBy: string }>;
  let tickets: TicketsService;

  const mail = (parts: Partial<InboundMail>): InboundMail => ({
    messageId: `<${randomUUID()}@example.com>`,
    inReplyTo: null,
    references: [],
    subject: 'Hello',
    fromAddress: 'someone@example.com',
    toAddresses: ['support@backhaul.test'],
    bodyText: 'Body',
    bodyHtml: null,
    attachments: [],
    ...parts,
  });
  const open = (subject: string) =>
    transactionWithRetry(sut.app.get(DataSource), (em) =>
      tickets.openTicket(
        em,
        { accountId: null, subject, visibility: 'public', source: 'staff', recipients: [{ address: 'someone@example.com' }] },
        null,
      ),
    );

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    tickets = sut.app.get(TicketsService);
    const sutService = sut.app.get(TicketInboundService);
    receive = (parts) => transactionWithRetry(sut.app.get(DataSource), (em) => sutService.receive(em, mail(parts)));
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
  });

  it("threads by In-Reply-To onto the ticket of an earlier message's Message-ID", async () => {
    const first = await receive({ messageId: '<first@example.com>', subject: 'Outage' });
    expect(first).toMatchObject({ created: true, matchedBy: 'new' });
    const answer = await receive({ inReplyTo: '<first@example.com>', subject: 'Something else entirely' });
    expect(answer).toEqual({ ticketId: first.ticketId, messageId: expect.any(Number), created: false, matchedBy: 'thread' });
  });

  it('threads by the newest References entry that is known', async () => {
    const a = await receive({ messageId: '<ref-a@example.com>' });
    const b = await receive({ messageId: '<ref-b@example.com>' });
    const filed = await receive({
      references: ['<ref-a@example.com>', '<ref-b@example.com>', '<unknown@elsewhere>'],
      inReplyTo: '<unknown@elsewhere>',
    });
    expect(filed).toMatchObject({ ticketId: b.ticketId, matchedBy: 'thread' });
    expect(filed.ticketId).not.toBe(a.ticketId);
  });

  it("threads onto the ticket a public reply's email went out from", async () => {
    const ticketId = await open('Slow evenings');
    await transactionWithRetry(sut.app.get(DataSource), (em) =>
      sut.app
        .get(TicketConversationService)
        .addMessage(em, ticketId, { kind: 'public_reply', authorUserId: null, bodyText: 'We are looking into it.' }),
    );
    const [{ message_id: sent }] = await sut.db.query(
      `SELECT e.message_id FROM emails e JOIN ticket_message_emails tme ON tme.email_id = e.id
         JOIN ticket_messages m ON m.id = tme.message_id WHERE m.ticket_id = ?`,
      [ticketId],
    );
    expect(await receive({ inReplyTo: sent, subject: 'Re: Slow evenings' })).toMatchObject({ ticketId, matchedBy: 'thread' });
  });

  it('falls back to the [Ticket #id] reference in the subject, and ignores one that names no ticket', async () => {
    const ticketId = await open('Modem swap');
    expect(await receive({ subject: `Re: Modem swap [Ticket #${ticketId}]` })).toMatchObject({ ticketId, matchedBy: 'reference' });
    expect(await receive({ subject: 'Re: [Ticket #999999]' })).toMatchObject({ created: true, matchedBy: 'new' });
  });

  it('files mail for a merged ticket on the survivor, and opens a closed ticket again', async () => {
    const merged = await open('Duplicate report');
    const survivor = await open('Original report');
    await sut.app.get(TicketMergeService).merge(merged, { intoTicketId: survivor });
    const [closed] = await sut.db.query("SELECT id FROM ticket_statuses WHERE kind = 'closed' ORDER BY id LIMIT 1");
    await sut.db.query('UPDATE tickets SET status_id = ? WHERE id = ?', [closed.id, survivor]);
    expect(await receive({ subject: `Re: [Ticket #${merged}]` })).toMatchObject({ ticketId: survivor, created: false });
    const [ticket] = await sut.db.query('SELECT s.kind FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id WHERE t.id = ?', [
      survivor,
    ]);
    expect(ticket.kind).toBe('open');
  });
});
