import { EmailActivities } from '../../src/email/email.activities';
import { EmailService } from '../../src/email/email.service';
import { accountWithContact, deliveryStarted, email, emailWorld, EmailWorld } from './email-world';

describe('an email to something that cannot be an address', () => {
  let world: EmailWorld;

  beforeAll(async () => {
    world = await emailWorld([]);
  });
  afterAll(() => world.close());

  it('is invalid from the moment it is queued, and the relay never hears of it', async () => {
    const { w, sut, peer } = world;
    const { accountId, contactId } = await accountWithContact(sut, 'jane.doe@@example');

    const res = await w.post(`/api/accounts/${accountId}/emails`, { contactId, subject: 'Hi', text: 'Hello Jane' }).expect(201);
    expect(res.body).toMatchObject({ status: 'invalid', to: 'jane.doe@@example', attempts: 0 });
    expect(res.body.rejectReason).toMatch(/is not an email address/);

    const [queued] = await sut.app
      .get(EmailService)
      .queue([{ accountId, to: 'two@example.com, three@example.com', subject: 'Hi', text: 'x' }]);
    expect(await email(w, queued)).toMatchObject({ status: 'invalid' });

    // No delivery was started for either, so nothing can connect later.
    expect(await deliveryStarted(sut, res.body.id as number)).toBe(false);
    expect(await deliveryStarted(sut, queued)).toBe(false);
    expect(peer.connections).toBe(0);
    await w.expectBooksBalance([accountId]);
  });

  it('is marked invalid by the delivery itself, without a connection, when a queued row holds a bad address', async () => {
    const { w, sut, peer } = world;
    const { accountId } = await accountWithContact(sut, null);
    // A row written before the check existed, or by hand: delivery checks again rather than trusting the status.
    const row = await sut.db.query(
      `INSERT INTO emails (account_id, to_address, from_address, subject, body_text, message_id)
       VALUES (?, 'no-at-sign.example.com', 'billing@backhaul.local', 'Hi', 'x', CONCAT('<', UUID(), '@backhaul.local>'))`,
      [accountId],
    );
    const status = await sut.app.get(EmailActivities).deliverEmail(Number(row.insertId));
    expect(status).toBe('invalid');
    expect(await email(w, Number(row.insertId))).toMatchObject({ status: 'invalid', attempts: 0 });
    expect(peer.connections).toBe(0);
  });
});
