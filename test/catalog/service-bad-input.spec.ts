import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, CatalogClient, requestId, uniqueName } from './catalog-fixture';

/** Each refused request answers 400 naming the field and rule, and leaves no service and no audit entry behind. */
describe('a service that breaks a catalogue rule is refused and nothing is written', () => {
  let sut: TestApp;
  let api: CatalogClient;
  beforeAll(async () => {
    sut = await createTestApp();
    api = new CatalogClient(sut, (await sut.admin()).token);
  });
  afterAll(() => sut.close());

  const base = { kind: 'recurring', price: 4999, ledgerCode: '4000' };
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a price with a fraction of a cent', { price: 10.5 }, 'price', 'integer'],
    ['a price given as text', { price: '10' }, 'price', 'integer'],
    ['a negative price', { price: -1 }, 'price', 'min'],
    ['an adjustment without a side', { kind: 'adjustment' }, 'adjustmentSide', 'required'],
    ['a side on a recurring service', { adjustmentSide: 'debit' }, 'adjustmentSide', 'notAllowed'],
    ['a data service without speeds', { kind: 'data' }, 'downloadKbps', 'required'],
    ['a data service without upload speed', { kind: 'data', downloadKbps: 1000 }, 'uploadKbps', 'required'],
    ['speeds on a voice service', { kind: 'voice', downloadKbps: 1000, uploadKbps: 1000 }, 'downloadKbps', 'notAllowed'],
    ['a fractional speed', { kind: 'data', downloadKbps: 1000.5, uploadKbps: 1000 }, 'downloadKbps', 'integer'],
    ['an unknown kind', { kind: 'monthly' }, 'kind', 'isIn'],
    ['an unknown tax', { taxIds: [999_999_999] }, 'taxIds', 'exists'],
    ['no ledger code', { ledgerCode: '  ' }, 'ledgerCode', 'minLength'],
    ['an unknown field', { colour: 'red' }, 'colour', 'unknownField'],
  ];

  it.each(cases)('refuses %s', async (_label, change, field, rule) => {
    const name = uniqueName('Refused');
    const rid = requestId('service-refused');
    const res = await api.post('/api/services', { name, ...base, ...change }, rid).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM services WHERE name = ?', [name]);
    expect(Number(n)).toBe(0);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  const updates: [string, Record<string, unknown>, string, string][] = [
    ['a price with a fraction of a cent', { price: 0.01 }, 'price', 'integer'],
    ['a negative price', { price: -100 }, 'price', 'min'],
    ['a switch to data without speeds', { kind: 'data' }, 'downloadKbps', 'required'],
    ['a switch to adjustment without a side', { kind: 'adjustment' }, 'adjustmentSide', 'required'],
    ['a null name', { name: null }, 'name', 'notNull'],
    ['an unknown tax', { taxIds: [999_999_998] }, 'taxIds', 'exists'],
  ];

  it.each(updates)('refuses an update with %s and keeps the service as it was', async (_label, change, field, rule) => {
    const service = await api.service();
    const before = (await api.get(`/api/services/${service.id}`).expect(200)).body;
    const rid = requestId('service-update-refused');
    const res = await api.put(`/api/services/${service.id}`, change, rid).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    await expect(api.get(`/api/services/${service.id}`).expect(200)).resolves.toMatchObject({ body: before });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  it('answers 404 for a service that does not exist', async () => {
    const answers = [
      await api.get('/api/services/999999999'),
      await api.put('/api/services/999999999', { price: 1 }),
      await api.delete('/api/services/999999999'),
    ];
    expect(answers.map((res) => res.status)).toEqual([404, 404, 404]);
  });
});
