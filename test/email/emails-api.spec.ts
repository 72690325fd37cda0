import { auditEntries, newRequestId } from '../notes/account-fixture';
import { accountWithContact, EmailBody, emailWorld, EmailWorld, settled, someAddress } from './email-world';

describe('the emails API: writing to a contact, listing, reading and sending again', () => {
  let world: EmailWorld;

  beforeAll(async () => {
    world = await emailWorld(['refuse-550']);
  });
  afterAll(() => world.close());

  it('lists the account’s email newest first, filtered by status, with one audit entry per email', async () => {
    const { w, sut } = world;
    const { accountId, contactId } = await accountWithContact(sut, someAddress('first'));
    const requestId = newRequestId('email-compose');

    const first = await w
      .post(`/api/accounts/${accountId}/emails`, { contactId, subject: 'First', text: 'One' })
      .set('X-Request-Id', requestId)
      .expect(201);
    expect(await auditEntries(sut, requestId)).toEqual([
      { accountId, actorUserId: expect.any(Number), action: 'email.queue', entityType: 'email' },
    ]);
    const rejected = await settled(w, first.body.id as number);
    expect(rejected.status).toBe('rejected');

    const second = await w
      .post(`/api/accounts/${accountId}/emails`, { to: someAddress('second'), subject: 'Second', text: 'Two' })
      .expect(201);
    const sent = await settled(w, second.body.id as number);
    expect(sent.status).toBe('sent');

    const list = await w.get(`/api/accounts/${accountId}/emails`).expect(200);
    expect(list.headers['content-range']).toBe('emails 0-1/2');
    expect((list.body as EmailBody[]).map((e) => e.subject)).toEqual(['Second', 'First']);
    expect(list.body[0]).not.toHaveProperty('text');
    expect(list.body[1]).toMatchObject({ status: 'rejected', contactId, attachments: [], related: null, categoryName: null });

    const filter = encodeURIComponent(JSON.stringify({ status: 'rejected' }));
    const onlyRejected = await w.get(`/api/accounts/${accountId}/emails?filter=${filter}`).expect(200);
    expect((onlyRejected.body as EmailBody[]).map((e) => e.id)).toEqual([rejected.id]);
    const page = await w
      .get(`/api/accounts/${accountId}/emails?range=[1,1]&sort=${encodeURIComponent('["createdAt","DESC"]')}`)
      .expect(200);
    expect(page.headers['content-range']).toBe('emails 1-1/2');

    const detail = (await w.get(`/api/emails/${sent.id}`).expect(200)).body as EmailBody;
    expect(detail).toMatchObject({ text: 'Two', html: null, messageId: expect.stringMatching(/^<.+@backhaul\.local>$/) });
    expect(detail.serverReply).toMatch(/^250 /);
  });

  it('sends a finished email again as a new row, to the contact’s current address, and refuses while one is queued', async () => {
    const { w, sut } = world;
    const { accountId, contactId } = await accountWithContact(sut, 'typo@@example.com');
    const invalid = await w.post(`/api/accounts/${accountId}/emails`, { contactId, subject: 'Fixed?', text: 'Hi' }).expect(201);
    expect(invalid.body.status).toBe('invalid');

    const fixed = someAddress('fixed');
    await sut.db.query('UPDATE contacts SET email = ? WHERE id = ?', [fixed, contactId]);
    const requestId = newRequestId('email-resend');
    const copy = await w.post(`/api/emails/${invalid.body.id}/resend`).set('X-Request-Id', requestId).expect(201);
    expect(copy.body.id).not.toBe(invalid.body.id);
    expect(copy.body).toMatchObject({ to: fixed, subject: 'Fixed?', text: 'Hi', contactId, status: 'queued' });
    expect(await auditEntries(sut, requestId)).toEqual([
      { accountId, actorUserId: expect.any(Number), action: 'email.resend', entityType: 'email' },
    ]);

    expect(await settled(w, copy.body.id as number)).toMatchObject({ status: 'sent' });
    expect((await w.get(`/api/accounts/${accountId}/emails`).expect(200)).body).toHaveLength(2);

    // A row still waiting for its delivery (written here without starting one) cannot be copied yet.
    const waiting = await sut.db.query(
      `INSERT INTO emails (account_id, to_address, from_address, subject, body_text, message_id)
       VALUES (?, ?, 'billing@backhaul.local', 'Waiting', 'x', CONCAT('<', UUID(), '@backhaul.local>'))`,
      [accountId, fixed],
    );
    const refused = await w.post(`/api/emails/${waiting.insertId}/resend`).expect(409);
    expect(refused.body.code).toBe('email_still_queued');
    expect((await w.get(`/api/accounts/${accountId}/emails`).expect(200)).body).toHaveLength(3);
  });

  it('writes to a child account’s contacts like any other', async () => {
    const { w, sut } = world;
    const parent = await accountWithContact(sut, someAddress('parent'));
    const child = await accountWithContact(sut, someAddress('child'));
    await sut.db.query('UPDATE accounts SET parent_account_id = ? WHERE id = ?', [parent.accountId, child.accountId]);
    const res = await w
      .post(`/api/accounts/${child.accountId}/emails`, { contactId: child.contactId, subject: 'Child', text: 'Hi' })
      .expect(201);
    expect(res.body).toMatchObject({ accountId: child.accountId, status: 'queued' });
    expect(await settled(w, res.body.id as number)).toMatchObject({ status: 'sent' });
  });
});
