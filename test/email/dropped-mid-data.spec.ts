import { accountWithContact, emailWorld, EmailWorld, settled, someAddress } from './email-world';

describe('a connection that drops in the middle of DATA', () => {
  let world: EmailWorld;

  beforeAll(async () => {
    world = await emailWorld(['drop-mid-data']);
  });
  afterAll(() => world.close());

  it('is tried again, and the peer ends up holding exactly one complete copy', async () => {
    const { w, peer } = world;
    const to = someAddress('dropped');
    const { accountId, contactId } = await accountWithContact(world.sut, to);
    const text = `A long letter.\n${'Line of the letter.\n'.repeat(2000)}`;

    const res = await w.post(`/api/accounts/${accountId}/emails`, { contactId, subject: 'Long letter', text }).expect(201);
    const sent = await settled(w, res.body.id as number);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sent.lastError).toMatch(/ECONNECTION|closed|ESOCKET/i);

    expect(peer.answered).toEqual(['drop-mid-data', 'accept']);
    expect(peer.received).toHaveLength(1);
    expect(peer.accepted).toHaveLength(1);
    expect(peer.accepted[0].text).toBe(text);
    await w.expectBooksBalance([accountId]);
  });
});
