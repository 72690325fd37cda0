import { createTestApp, TestApp } from '../support/test-app';
import { insertAccount } from './account-fixture';

describe('deleting the primary contact', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  const auth = { type: 'bearer' } as const;
  const create = async (accountId: number, name: string): Promise<number> =>
    (await sut.http().post('/api/contacts').auth(token, auth).send({ accountId, name }).expect(201)).body.id;
  const primaryOf = async (accountId: number) =>
    (await sut.db.query('SELECT id FROM contacts WHERE account_id = ? AND is_primary = 1', [accountId])).map((r: { id: number }) =>
      Number(r.id),
    );

  it('is refused while others exist, and allowed once a successor of the same account is named', async () => {
    const accountId = await insertAccount(sut.db);
    const primary = await create(accountId, 'Jane');
    const other = await create(accountId, 'Alex');
    const foreign = await create(await insertAccount(sut.db), 'Someone else');

    const refused = await sut.http().delete(`/api/contacts/${primary}`).auth(token, auth).expect(409);
    expect(refused.body.message).toMatch(/primary contact/);
    await expect(primaryOf(accountId)).resolves.toEqual([primary]);

    const wrongAccount = await sut.http().delete(`/api/contacts/${primary}?successorId=${foreign}`).auth(token, auth).expect(400);
    expect(wrongAccount.body.details).toEqual([expect.objectContaining({ field: 'successorId', rule: 'exists' })]);
    await sut.http().delete(`/api/contacts/${primary}?successorId=${primary}`).auth(token, auth).expect(400);
    await expect(primaryOf(accountId)).resolves.toEqual([primary]);

    const deleted = await sut.http().delete(`/api/contacts/${primary}?successorId=${other}`).auth(token, auth).expect(200);
    expect(deleted.body).toMatchObject({ id: primary, isPrimary: true });
    await expect(primaryOf(accountId)).resolves.toEqual([other]);
    await sut.http().get(`/api/contacts/${primary}`).auth(token, auth).expect(404);
  });

  it('lets the last contact go, and a non-primary contact go without a successor', async () => {
    const accountId = await insertAccount(sut.db);
    const primary = await create(accountId, 'Jane');
    const other = await create(accountId, 'Alex');
    await sut.http().delete(`/api/contacts/${other}`).auth(token, auth).expect(200);
    await expect(primaryOf(accountId)).resolves.toEqual([primary]);
    await sut.http().delete(`/api/contacts/${primary}`).auth(token, auth).expect(200);
    await expect(primaryOf(accountId)).resolves.toEqual([]);
  });
});
