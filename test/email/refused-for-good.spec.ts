import { accountWithContact, deliveryClosed, emailWorld, EmailWorld, settled, someAddress } from './email-world';

describe('an email the relay refuses with 550', () => {
  let world: EmailWorld;

  beforeAll(async () => {
    world = await emailWorld(['refuse-550']);
  });
  afterAll(() => world.close());

  it('is rejected at once with the relay’s reason, after one connection, and never tried again', async () => {
    const { w, peer } = world;
    const { accountId } = await accountWithContact(world.sut, null);
    const to = someAddress('nobody');

    const res = await w.post(`/api/accounts/${accountId}/emails`, { to, subject: 'Hello', text: 'Anyone there?' }).expect(201);
    const rejected = await settled(w, res.body.id as number);
    expect(rejected).toMatchObject({ status: 'rejected', attempts: 1, sentAt: null, serverReply: null });
    expect(rejected.rejectReason).toMatch(/^550 .*No such mailbox here/);

    // Its delivery has ended, so nothing more will ever be tried.
    await deliveryClosed(world.sut, rejected.id);
    expect(peer.connections).toBe(1);
    expect(peer.accepted).toHaveLength(0);
    expect((await w.get(`/api/emails/${rejected.id}`).expect(200)).body).toMatchObject({ status: 'rejected', attempts: 1 });
    await w.expectBooksBalance([accountId]);
  });
});
