import { accountWithContact, emailWorld, EmailWorld, settled, someAddress } from './email-world';

describe('an email the relay keeps deferring', () => {
  let world: EmailWorld;

  beforeAll(async () => {
    // 0.002 h is 7.2 s: room for three or four tries a second or two apart.
    world = await emailWorld(Array(50).fill('defer-451'), { EMAIL_MAX_AGE_HOURS: '0.002' });
  });
  afterAll(() => world.close());

  it('is rejected once its maximum age has passed, with the relay’s last reply', async () => {
    const { w, peer } = world;
    const { accountId, contactId } = await accountWithContact(world.sut, someAddress('greylisted'));
    const res = await w.post(`/api/accounts/${accountId}/emails`, { contactId, subject: 'Later', text: 'Maybe never.' }).expect(201);

    const rejected = await settled(w, res.body.id as number, 30_000);
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejectReason).toMatch(/^not delivered within 0\.002 h; last reply: 451 /);
    expect(rejected.attempts).toBeGreaterThanOrEqual(2);
    // Every try is on the row, save one still talking to the relay when the deadline gave the email up (its 451 then
    // finds the row rejected and leaves it so).
    expect(peer.connections - rejected.attempts).toBeGreaterThanOrEqual(0);
    expect(peer.connections - rejected.attempts).toBeLessThanOrEqual(1);
    expect(peer.accepted).toHaveLength(0);
    // Growing backoff: 1 s, then 2 s (the maximum) — far fewer tries than seconds waited.
    expect(peer.connections).toBeLessThanOrEqual(6);
  });
});
