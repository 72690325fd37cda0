import { ContactsService } from '../../src/contacts/contacts.service';
import { createTestApp, TestApp } from '../support/test-app';
import { insertAccount } from './account-fixture';

describe('the first contact of an account becomes primary', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await createTestApp();
    token = (await app.admin()).token;
  });
  afterAll(() => app.close());

  const createContact = (body: object) => app.http().post('/api/contacts').auth(token, { type: 'bearer' }).send(body).expect(201);

  it('makes only the first contact primary, lists it first and summarises it for the header', async () => {
    const sut = app.app.get(ContactsService);
    const accountId = await insertAccount(app.db);
    await expect(sut.primaryContact(accountId)).resolves.toBeNull();

    const first = await createContact({
      accountId,
      name: 'Jane Rivera',
      email: 'Jane@Example.com',
      phones: [
        { type: 'home', number: '(217) 555-0199' },
        { type: 'mobile', number: '217.555.0100' },
        { type: 'mobile', number: '217 555 0111' },
      ],
    });
    const second = await createContact({ accountId, name: 'Alex Rivera' });
    expect(first.body.isPrimary).toBe(true);
    expect(second.body.isPrimary).toBe(false);

    await expect(sut.primaryContact(accountId)).resolves.toEqual({
      id: first.body.id,
      name: 'Jane Rivera',
      email: 'jane@example.com',
      mobile: '+12175550100',
    });

    const list = await app
      .http()
      .get(`/api/contacts?filter=${encodeURIComponent(JSON.stringify({ accountId }))}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(list.body.map((c: { id: number }) => c.id)).toEqual([first.body.id, second.body.id]);
    expect(list.headers['content-range']).toBe('contacts 0-1/2');

    await app.http().post(`/api/contacts/${second.body.id}/become-primary`).auth(token, { type: 'bearer' }).expect(200);
    const reordered = await app
      .http()
      .get(`/api/contacts?filter=${encodeURIComponent(JSON.stringify({ accountId }))}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(reordered.body.map((c: { id: number; isPrimary: boolean }) => [c.id, c.isPrimary])).toEqual([
      [second.body.id, true],
      [first.body.id, false],
    ]);
    await expect(sut.primaryContact(accountId)).resolves.toEqual({ id: second.body.id, name: 'Alex Rivera', email: null, mobile: null });
  });

  it('refuses a contact for an account that does not exist', async () => {
    const res = await app
      .http()
      .post('/api/contacts')
      .auth(token, { type: 'bearer' })
      .send({ accountId: 999999999, name: 'Nobody' })
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'accountId', rule: 'exists' })]);
  });
});
