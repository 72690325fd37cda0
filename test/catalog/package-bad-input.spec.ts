import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, CatalogClient, requestId, uniqueName } from './catalog-fixture';

describe('a package that breaks a catalogue rule is refused and nothing is written', () => {
  let sut: TestApp;
  let api: CatalogClient;
  let recurring: number;
  let oneTime: number;
  let adjustment: number;
  beforeAll(async () => {
    sut = await createTestApp();
    api = new CatalogClient(sut, (await sut.admin()).token);
    recurring = (await api.service()).id;
    oneTime = (await api.service({ kind: 'one_time', price: 2500 })).id;
    adjustment = (await api.service({ kind: 'adjustment', adjustmentSide: 'debit', price: 0 })).id;
  });
  afterAll(() => sut.close());

  const cases: [string, () => Record<string, unknown>[], string, string][] = [
    ['a one-time service', () => [{ serviceId: recurring }, { serviceId: oneTime }], 'items.1.serviceId', 'recurring'],
    ['an adjustment service', () => [{ serviceId: adjustment }], 'items.0.serviceId', 'recurring'],
    ['an unknown service', () => [{ serviceId: 999_999_999 }], 'items.0.serviceId', 'exists'],
    ['the same service twice', () => [{ serviceId: recurring }, { serviceId: recurring }], 'items.1.serviceId', 'unique'],
    ['a price with a fraction of a cent', () => [{ serviceId: recurring, price: 10.5 }], 'items.0.price', 'integer'],
    ['a negative price', () => [{ serviceId: recurring, price: -5 }], 'items.0.price', 'min'],
    ['a zero quantity', () => [{ serviceId: recurring, quantity: 0 }], 'items.0.quantity', 'min'],
    ['a fractional quantity', () => [{ serviceId: recurring, quantity: 1.5 }], 'items.0.quantity', 'integer'],
    ['no items', () => [], 'items', 'arrayMinSize'],
  ];

  it.each(cases)('refuses %s', async (_label, items, field, rule) => {
    const name = uniqueName('Refused package');
    const rid = requestId('package-refused');
    const res = await api.post('/api/packages', { name, items: items() }, rid).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM packages WHERE name = ?', [name]);
    expect(Number(n)).toBe(0);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  it('refuses an update that brings in a one-time service and keeps the package as it was', async () => {
    const pkg = (await api.post('/api/packages', { name: uniqueName('Steady'), items: [{ serviceId: recurring }] }).expect(201)).body;
    const rid = requestId('package-update-refused');
    const res = await api
      .put(`/api/packages/${pkg.id}`, { name: uniqueName('Renamed'), items: [{ serviceId: recurring }, { serviceId: oneTime }] }, rid)
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'items.1.serviceId', rule: 'recurring' })]);
    await expect(api.get(`/api/packages/${pkg.id}`).expect(200)).resolves.toMatchObject({ body: pkg });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });
});
