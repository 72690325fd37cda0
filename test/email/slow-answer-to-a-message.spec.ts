import { SLOW_ACCEPT_MS } from '../support/smtp-peer';
import { accountWithContact, email, emailWorld, EmailWorld, settled, someAddress } from './email-world';

describe('a relay that takes longer than the SMTP timeout to answer the end of a message', () => {
  let world: EmailWorld;

  beforeAll(async () => {
    // 3 s to connect and be greeted; the relay answers the message after 8 s, within the longer silence a session allows.
    world = await emailWorld(['accept-slowly'], { SMTP_TIMEOUT_SECONDS: '3' });
  });
  afterAll(() => world.close());

  it('is waited for, so the message reaches the relay once', async () => {
    const { w, peer } = world;
    const { accountId, contactId } = await accountWithContact(world.sut, someAddress('slow-answer'));
    const res = await w
      .post(`/api/accounts/${accountId}/emails`, { contactId, subject: 'Checked slowly', text: 'A big message.' })
      .expect(201);
    const id = res.body.id as number;

    const sent = await settled(w, id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    // Long enough for a second copy, had the first answer been given up on and the message retried.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(peer.accepted).toHaveLength(1);
    expect(peer.received).toHaveLength(1);
    expect((await email(w, id)).status).toBe('sent');
    expect(SLOW_ACCEPT_MS).toBeGreaterThan(3000 * 2);
  });
});
