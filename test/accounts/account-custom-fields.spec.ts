import { createTestApp, TestApp } from '../support/test-app';
import { accountBody, auditCount, createAccount, createLookups, Lookups, unique } from './accounts-fixture';

describe('custom fields on accounts', () => {
  let sut: TestApp;
  let token: string;
  let lookups: Lookups;
  let circuitId: number;
  let fiberId: number;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    lookups = await createLookups(sut, token);
    const define = async (body: object) =>
      (await sut.http().post('/api/custom-fields').auth(token, { type: 'bearer' }).send(body).expect(201)).body.id as number;
    circuitId = await define({ name: `Circuit ${unique()}`, type: 'text', unique: true, pattern: '^FIBER-\\d{4}$', position: 1 });
    fiberId = await define({ name: `Fiber ${unique()}`, type: 'boolean', position: 2 });
  });
  afterAll(() => sut.close());

  it('stores values on create and update, returns them on GET and lists every active field', async () => {
    const circuit = `FIBER-${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
    const account = await createAccount(sut, token, lookups, { customFields: { [circuitId]: circuit } });
    expect(account.customFields).toEqual({ [circuitId]: circuit });
    const requestId = `cf-${unique()}`;
    const updated = await sut
      .http()
      .put(`/api/accounts/${account.id}`)
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .send({ customFields: { [fiberId]: true } })
      .expect(200);
    expect(updated.body.customFields).toEqual({ [circuitId]: circuit, [fiberId]: true });
    expect(await auditCount(sut.db, requestId)).toEqual({ n: 1, accountIds: [account.id] });

    const got = await sut.http().get(`/api/accounts/${account.id}`).auth(token, { type: 'bearer' }).expect(200);
    expect(got.body.customFields).toEqual({ [circuitId]: circuit, [fiberId]: true });
    const display = await sut.http().get(`/api/accounts/${account.id}/custom-fields`).auth(token, { type: 'bearer' }).expect(200);
    expect(display.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fieldId: circuitId, type: 'text', value: circuit }),
        expect.objectContaining({ fieldId: fiberId, type: 'boolean', value: true }),
      ]),
    );
  });

  it('refuses a value breaking its definition, naming the field, and writes no account', async () => {
    const name = `Bad Circuit ${unique()}`;
    const res = await sut
      .http()
      .post('/api/accounts')
      .auth(token, { type: 'bearer' })
      .send({ ...accountBody(lookups, { name }), customFields: { [circuitId]: 'COPPER-1' } })
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: `customFields.${circuitId}` })]);
    expect(await sut.db.query('SELECT id FROM accounts WHERE name = ?', [name])).toEqual([]);
  });
});
