import { accountWithContact, emailWorld, EmailWorld, settled, someAddress } from './email-world';

const PASSWORD = 'pw-S3cret/with:odd@chars';

describe('the SMTP password in SMTP_URL', () => {
  describe('when it is right', () => {
    let world: EmailWorld;
    beforeAll(async () => {
      world = await emailWorld(
        ['defer-451'],
        {},
        { peer: { user: 'backhaul', pass: PASSWORD }, app: { user: 'backhaul', pass: PASSWORD } },
      );
    });
    afterAll(() => world.close());

    it('logs in, sends, and appears in no response and no log line', async () => {
      const { w, sut, peer } = world;
      const { accountId, contactId } = await accountWithContact(sut, someAddress('auth'));
      const res = await w.post(`/api/accounts/${accountId}/emails`, { contactId, subject: 'Hi', text: 'x' }).expect(201);
      const sent = await settled(w, res.body.id as number);
      expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
      expect(peer.accepted).toHaveLength(1);

      const list = await w.get(`/api/accounts/${accountId}/emails`).expect(200);
      for (const text of [JSON.stringify(sent), JSON.stringify(list.body), ...sut.logs.lines]) expect(text).not.toContain('S3cret');
    });
  });

  describe('when the relay refuses it', () => {
    let world: EmailWorld;
    beforeAll(async () => {
      world = await emailWorld(
        [],
        { EMAIL_MAX_AGE_HOURS: '0.002' },
        { peer: { user: 'backhaul', pass: 'the-real-one' }, app: { user: 'backhaul', pass: PASSWORD } },
      );
    });
    afterAll(() => world.close());

    it('keeps the email waiting for an operator rather than rejecting it at once, and never records the password', async () => {
      const { w, sut, peer } = world;
      const { accountId, contactId } = await accountWithContact(sut, someAddress('auth-refused'));
      const res = await w.post(`/api/accounts/${accountId}/emails`, { contactId, subject: 'Hi', text: 'x' }).expect(201);
      const ended = await settled(w, res.body.id as number);
      // Given up only at the maximum age: a wrong password is our configuration's fault, not the email's.
      expect(ended.status).toBe('rejected');
      expect(ended.rejectReason).toMatch(/^not delivered within 0\.002 h; last reply: 535 /);
      expect(ended.attempts).toBeGreaterThanOrEqual(2);
      expect(peer.accepted).toHaveLength(0);
      const rows = await sut.db.query('SELECT * FROM emails WHERE id = ?', [ended.id]);
      for (const text of [JSON.stringify(ended), JSON.stringify(rows), ...sut.logs.lines]) expect(text).not.toContain('S3cret');
    });
  });
});
