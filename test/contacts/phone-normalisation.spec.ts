import { createTestApp, TestApp } from '../support/test-app';
import { insertAccount } from './account-fixture';

describe('contact phone numbers', () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    accountId = await insertAccount(sut.db);
  });
  afterAll(() => sut.close());

  const post = (phones: object[]) =>
    sut.http().post('/api/contacts').auth(token, { type: 'bearer' }).send({ accountId, name: 'Jane', phones });

  it('stores common spellings in E.164, reading numbers without + as North American', async () => {
    const res = await post([
      { type: 'mobile', number: '(217) 555-0100' },
      { type: 'home', number: '217.555.0101' },
      { type: 'work', number: '+1 217-555-0102', extension: '204' },
      { type: 'fax', number: '1 (217) 555 0103' },
      { type: 'other', number: '+44 20 7946 0958' },
    ]).expect(201);
    expect(res.body.phones).toEqual([
      { type: 'mobile', number: '+12175550100', extension: null },
      { type: 'home', number: '+12175550101', extension: null },
      { type: 'work', number: '+12175550102', extension: '204' },
      { type: 'fax', number: '+12175550103', extension: null },
      { type: 'other', number: '+442079460958', extension: null },
    ]);
    const [{ document }] = await sut.db.query('SELECT document FROM account_search WHERE account_id = ?', [accountId]);
    expect(document).toContain('12175550100');
  });

  it.each([
    ['letters', '1-800-FLOWERS', /only digits/],
    ['too few digits', '555-0100', /not a valid phone number/],
    ['too many digits', '(217) 555-01000', /not a valid phone number/],
  ])('refuses %s with a message naming the phone', async (_case, number, message) => {
    const res = await post([
      { type: 'mobile', number: '(217) 555-0100' },
      { type: 'home', number },
    ]).expect(400);
    expect(res.body.details).toEqual([{ field: 'phones.1.number', rule: 'isPhoneNumber', message: expect.stringMatching(message) }]);
  });

  it('refuses an unknown type and an extension that is not digits', async () => {
    const res = await post([{ type: 'pager', number: '(217) 555-0100', extension: 'x12' }]).expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'phones.0.type', rule: 'isIn' }),
        expect.objectContaining({ field: 'phones.0.extension', rule: 'matches' }),
      ]),
    );
  });

  it('replaces the phones on update', async () => {
    const created = await post([{ type: 'mobile', number: '(217) 555-0100' }]).expect(201);
    const updated = await sut
      .http()
      .put(`/api/contacts/${created.body.id}`)
      .auth(token, { type: 'bearer' })
      .send({ phones: [{ type: 'work', number: '217 555 0177' }] })
      .expect(200);
    expect(updated.body.phones).toEqual([{ type: 'work', number: '+12175550177', extension: null }]);
  });
});
