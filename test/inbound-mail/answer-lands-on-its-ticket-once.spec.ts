import { DataSource } from 'typeorm';
import { transactionWithRetry } from '../../src/database/transaction';
import { TicketConversationService } from '../../src/tickets/ticket-conversation.service';
import { TicketsService } from '../../src/tickets/tickets.service';
import { contactOnNewAccount, email, inboundWorld, ticketMessages } from './inbound-world';

/**
 * A subscriber answers a public reply; the answer, delivered to the real mailbox, lands on the
 * ticket the reply came from, once: delivered twice, fetched twice with its \Seen flag cleared,
 * and read again from a cursor set back, it is still one message on the ticket.
 */
describe('an answer to a ticket reply, read from the mailbox', () => {
  let world: Awaited<ReturnType<typeof inboundWorld>>;
  let ticketId: number;
  let replyMessageId: string;
  let subscriber: string;

  beforeAll(async () => {
    world = await inboundWorld();
    const { sut } = world;
    const contact = await contactOnNewAccount(sut);
    subscriber = contact.address;
    const tickets = sut.app.get(TicketsService);
    ticketId = await transactionWithRetry(sut.app.get(DataSource), async (em) => {
      const id = await tickets.openTicket(
        em,
        {
          accountId: contact.accountId,
          subject: 'No internet since this morning',
          visibility: 'public',
          source: 'staff',
          recipients: [{ contactId: contact.contactId, address: '' }],
        },
        null,
      );
      await sut.app
        .get(TicketConversationService)
        .addMessage(em, id, { kind: 'public_reply', authorUserId: null, bodyText: 'Could you restart your router?' });
      return id;
    });
    // The Message-ID the reply went out with, as the subscriber's mail program saw it.
    const [sent] = await sut.db.query(
      `SELECT e.message_id FROM emails e JOIN ticket_message_emails tme ON tme.email_id = e.id
         JOIN ticket_messages m ON m.id = tme.message_id WHERE m.ticket_id = ?`,
      [ticketId],
    );
    replyMessageId = sent.message_id;
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const answer = () =>
    email({
      from: subscriber,
      subject: 'Re: No internet since this morning',
      body: 'Restarted it, still nothing.',
      messageId: '<answer-1@subscriber.example>',
      inReplyTo: replyMessageId,
      references: [replyMessageId],
    });

  it('files the answer on the ticket the reply came from', async () => {
    expect(replyMessageId).toMatch(new RegExp(`^<ticket-${ticketId}-`));
    await world.mailbox.append(answer());
    const report = await world.poll();
    expect(report).toMatchObject({ configured: true, fetched: 1, filed: 1, duplicates: 0, rejected: 0 });
    const messages = await ticketMessages(world.sut, ticketId);
    expect(messages.map((m) => [m.kind, m.message_id])).toEqual([
      ['public_reply', expect.anything()],
      ['inbound', '<answer-1@subscriber.example>'],
    ]);
    expect(messages[1].body_text).toContain('Restarted it, still nothing.');
    expect(messages[1].from_address).toBe(subscriber);
    const [row] = await world.sut.db.query('SELECT status, ticket_id, ticket_created, raw_storage_key FROM inbound_messages');
    expect(row).toMatchObject({ status: 'processed', ticket_id: ticketId, ticket_created: 0 });
    expect(row.raw_storage_key).toMatch(/^[0-9a-f-]{36}$/);
    // Flagged for people reading the mailbox.
    expect(await world.mailbox.messages()).toEqual([{ uid: 1, seen: true }]);
  });

  it('files it once when the mail server delivers it a second time', async () => {
    await world.mailbox.append(answer());
    const report = await world.poll();
    expect(report).toMatchObject({ fetched: 1, filed: 0, duplicates: 1 });
    expect(await ticketMessages(world.sut, ticketId)).toHaveLength(2);
  });

  it('files it once when it is fetched again, unread and from a cursor set back', async () => {
    await world.mailbox.markAllUnseen();
    await world.sut.db.query('UPDATE inbound_mailboxes SET last_uid = 0');
    const report = await world.poll();
    expect(report).toMatchObject({ fetched: 2, filed: 0, duplicates: 2 });
    expect(await ticketMessages(world.sut, ticketId)).toHaveLength(2);
    const rows = await world.sut.db.query('SELECT status, times_seen FROM inbound_messages');
    expect(rows).toEqual([{ status: 'processed', times_seen: 4 }]);
    expect(await world.poll()).toMatchObject({ fetched: 0 });
  });
});
