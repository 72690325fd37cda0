import { Permission } from '../../src/auth/permission';
import { emailWorld, EmailWorld, settled } from '../email/email-world';
import { accountWithContact, Api, as, countRows, TicketBody } from './ticket-world';

describe('tickets: a public reply reaches the subscriber threaded; an internal comment sends nothing', () => {
  let world: EmailWorld;
  let api: Api;

  beforeAll(async () => {
    world = await emailWorld([]);
    const clerk = await world.sut.userWith([Permission.TicketsRead, Permission.TicketsWrite, Permission.TicketsConfigure]);
    api = as(world.sut, clerk.token);
  });
  afterAll(() => world.close());

  it('emails the recipient with the reference, Message-ID, In-Reply-To, References and Reply-To', async () => {
    const { sut, peer } = world;
    const { accountId, address } = await accountWithContact(sut, 'Reply');
    const group = (
      await api.post('/api/ticket-groups', { name: `Help ${accountId}`, inboundAddress: `help-${accountId}@example.net` }).expect(201)
    ).body as { id: number };
    const ticket = (
      await api
        .post(`/api/accounts/${accountId}/tickets`, { subject: 'Router keeps rebooting', visibility: 'public', groupId: group.id })
        .expect(201)
    ).body as TicketBody;

    await api.post(`/api/tickets/${ticket.id}/messages`, { kind: 'internal_comment', bodyText: 'Probably the power brick.' }).expect(201);
    await expect(
      countRows(sut, "SELECT COUNT(*) AS n FROM emails WHERE related_type = 'ticket' AND related_id = ?", [ticket.id]),
    ).resolves.toBe(0);

    const first = (
      await api.post(`/api/tickets/${ticket.id}/messages`, { kind: 'public_reply', bodyText: 'Please try another outlet.' }).expect(201)
    ).body as TicketBody;
    expect(first.firstRespondedAt).not.toBeNull();
    const firstReply = first.messages!.at(-1)!;
    expect(firstReply.messageId).toMatch(new RegExp(`^<ticket-${ticket.id}-${firstReply.id}\\.[0-9a-f]+@backhaul\\.local>$`));
    const firstEmail = await settled(world.w, firstReply.emails[0].emailId);
    expect(firstEmail.status).toBe('sent');

    const second = (await api.post(`/api/tickets/${ticket.id}/messages`, { kind: 'public_reply', bodyText: 'Any better?' }).expect(201))
      .body as TicketBody;
    expect(second.firstRespondedAt).toBe(first.firstRespondedAt);
    const secondReply = second.messages!.at(-1)!;
    await settled(world.w, secondReply.emails[0].emailId);

    const mails = await peer.waitForAccepted(2);
    const mine = mails.filter((m) => (m.subject ?? '').includes(`[Ticket #${ticket.id}]`));
    expect(mine).toHaveLength(2);
    const [one, two] = mine;
    expect(one.subject).toBe(`Re: Router keeps rebooting [Ticket #${ticket.id}]`);
    expect(one.to).toMatchObject({ value: [expect.objectContaining({ address })] });
    expect(one.messageId).toBe(firstReply.messageId);
    expect(one.inReplyTo).toBeUndefined();
    expect(one.replyTo).toMatchObject({ value: [expect.objectContaining({ address: `help-${accountId}@example.net` })] });
    expect(two.messageId).toBe(secondReply.messageId);
    expect(two.inReplyTo).toBe(firstReply.messageId);
    expect(two.references).toBe(firstReply.messageId);
    expect(two.text?.trim()).toBe('Any better?');
    // Only the two replies went out: the comment never did.
    await expect(
      countRows(sut, "SELECT COUNT(*) AS n FROM emails WHERE related_type = 'ticket' AND related_id = ?", [ticket.id]),
    ).resolves.toBe(2);
  });

  it('refuses a public reply on an internal ticket and writes nothing', async () => {
    const { sut } = world;
    const { accountId } = await accountWithContact(sut, 'Quiet');
    const ticket = (await api.post(`/api/accounts/${accountId}/tickets`, { subject: 'Staff only', visibility: 'internal' }).expect(201))
      .body as TicketBody;
    const res = await api.post(`/api/tickets/${ticket.id}/messages`, { kind: 'public_reply', bodyText: 'Hello' }).expect(409);
    expect(res.body).toMatchObject({ code: 'ticket_internal_no_reply', message: expect.stringMatching(/internal/) });
    await expect(countRows(sut, 'SELECT COUNT(*) AS n FROM ticket_messages WHERE ticket_id = ?', [ticket.id])).resolves.toBe(0);
  });
});
