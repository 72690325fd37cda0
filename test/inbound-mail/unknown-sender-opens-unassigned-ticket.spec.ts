import { email, inboundWorld, ticketGroup } from './inbound-world';

/** Mail from an address no contact has opens a public ticket on no account, in the group it was sent to. */
describe('mail from an unknown sender', () => {
  let world: Awaited<ReturnType<typeof inboundWorld>>;

  beforeAll(async () => {
    world = await inboundWorld();
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  it('opens an unassigned ticket in the group of the address it was delivered to', async () => {
    const groupId = await ticketGroup(world.sut, 'billing@backhaul.test');
    await ticketGroup(world.sut, 'support@backhaul.test');
    await world.mailbox.append(
      email({
        from: 'Stranger@Nowhere.example',
        to: 'support@backhaul.test',
        subject: 'Do you serve Elm Street?',
        body: 'Thinking of signing up.',
        // The mail server's own record of where it delivered: it outranks To.
        headers: { 'Delivered-To': 'billing@backhaul.test' },
      }),
    );
    expect(await world.poll()).toMatchObject({ filed: 1 });
    const tickets = await world.sut.db.query('SELECT id, account_id, subject, group_id, source, visibility FROM tickets');
    expect(tickets).toEqual([
      {
        id: expect.any(Number),
        account_id: null,
        subject: 'Do you serve Elm Street?',
        group_id: groupId,
        source: 'email',
        visibility: 'public',
      },
    ]);
    const recipients = await world.sut.db.query('SELECT contact_id, address FROM ticket_recipients WHERE ticket_id = ?', [tickets[0].id]);
    expect(recipients).toEqual([{ contact_id: null, address: 'stranger@nowhere.example' }]);
    const [row] = await world.sut.db.query('SELECT status, ticket_id, ticket_created FROM inbound_messages');
    expect(row).toEqual({ status: 'processed', ticket_id: tickets[0].id, ticket_created: 1 });
  });
});
