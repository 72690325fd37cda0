import { SLOW_ACCEPT_MS } from '../support/smtp-peer';
import { waitUntil } from '../support/processes';
import { accountWithContact, email, emailWorld, EmailWorld, settled, someAddress } from './email-world';

describe('a relay that accepts the message only after the maximum age has passed', () => {
  let world: EmailWorld;

  beforeAll(async () => {
    // 0.0015 h is 5.4 s, well inside the peer's slow answer; the SMTP timeout outlasts both.
    world = await emailWorld(['accept-slowly'], { EMAIL_MAX_AGE_HOURS: '0.0015', SMTP_TIMEOUT_SECONDS: '20' });
  });
  afterAll(() => world.close());

  it('is first given up, then recorded as sent when the acceptance arrives, since the relay has it', async () => {
    const { w, peer } = world;
    const { accountId, contactId } = await accountWithContact(world.sut, someAddress('slow'));
    const res = await w.post(`/api/accounts/${accountId}/emails`, { contactId, subject: 'Slow', text: 'Take your time.' }).expect(201);
    const id = res.body.id as number;

    const givenUp = await settled(w, id);
    expect(givenUp.status).toBe('rejected');
    expect(givenUp.rejectReason).toMatch(/^not delivered within 0\.0015 h/);

    await peer.waitForAccepted(1, SLOW_ACCEPT_MS + 5000);
    await waitUntil('the acceptance is recorded', async () => (await email(w, id)).status === 'sent', 10_000);
    const sent = await email(w, id);
    expect(sent).toMatchObject({ status: 'sent', rejectReason: null, attempts: 1 });
    expect(sent.serverReply).toMatch(/^250 /);
    expect(peer.connections).toBe(1);
  });
});
