import { contactOnNewAccount, email, inboundWorld } from './inbound-world';

/**
 * Mail from a contact's address opens a ticket on that contact's account. An address several
 * accounts share picks the account where it is the primary contact, then the oldest account.
 */
describe('mail from a contact of an account', () => {
  let world: Awaited<ReturnType<typeof inboundWorld>>;

  beforeAll(async () => {
    world = await inboundWorld();
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const ticketOf = async (messageId: string) =>
    (
      await world.sut.db.query(
        'SELECT t.account_id, r.contact_id FROM inbound_messages m JOIN tickets t ON t.id = m.ticket_id JOIN ticket_recipients r ON r.ticket_id = t.id WHERE m.message_id = ?',
        [messageId],
      )
    )[0];

  it("opens the ticket on the contact's account, the contact receiving the replies", async () => {
    const contact = await contactOnNewAccount(world.sut);
    await world.mailbox.append(email({ from: contact.address.toUpperCase(), subject: 'Bill looks wrong', messageId: '<c1@example.com>' }));
    expect(await world.poll()).toMatchObject({ filed: 1 });
    expect(await ticketOf('<c1@example.com>')).toEqual({ account_id: contact.accountId, contact_id: contact.contactId });
  });

  it('picks the account where a shared address is the primary contact', async () => {
    const shared = 'family@example.com';
    await contactOnNewAccount(world.sut, { address: shared, primary: false });
    const primary = await contactOnNewAccount(world.sut, { address: shared, primary: true });
    await contactOnNewAccount(world.sut, { address: shared, primary: false });
    await world.mailbox.append(email({ from: shared, subject: 'Which bill is this?', messageId: '<c2@example.com>' }));
    expect(await world.poll()).toMatchObject({ filed: 1 });
    expect(await ticketOf('<c2@example.com>')).toEqual({ account_id: primary.accountId, contact_id: primary.contactId });
  });
});
