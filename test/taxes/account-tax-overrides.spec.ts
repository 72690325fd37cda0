import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, insertAccount, listQuery, placeAccount, requestId, TaxClient, uniqueSquare } from './tax-fixture';

describe("an account's tax exceptions and the zones it falls in", () => {
  let sut: TestApp;
  let api: TaxClient;
  beforeAll(async () => {
    sut = await createTestApp();
    api = new TaxClient(sut, (await sut.admin()).token);
  });
  afterAll(() => sut.close());

  it('creates, lists, changes and deletes an exception, each audited on the account', async () => {
    const accountId = await insertAccount(sut.db);
    const tax = await api.tax({ rateE4: 62_500 });
    const base = `/api/accounts/${accountId}/tax-overrides`;

    let rid = requestId('override-create');
    const created = (await api.post(base, { taxId: tax.id, kind: 'rate', rateE4: 25_000 }, rid).expect(201)).body;
    expect(created).toEqual({
      id: expect.any(Number),
      accountId,
      taxId: tax.id,
      taxName: tax.name,
      taxRateE4: 62_500,
      kind: 'rate',
      rateE4: 25_000,
    });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({
        action: 'create',
        entityType: 'account_tax_override',
        entityId: String(created.id),
        accountId,
        after: created,
      }),
    ]);

    const list = await api.get(base).expect(200);
    expect(list.body).toEqual([created]);
    expect(list.headers['content-range']).toBe('tax-overrides 0-0/1');

    await expect(api.post(base, { taxId: tax.id, kind: 'exempt' }).expect(409)).resolves.toMatchObject({
      body: { statusCode: 409, details: [expect.objectContaining({ field: 'taxId', rule: 'unique' })] },
    });

    rid = requestId('override-update');
    const exempted = (await api.put(`${base}/${created.id}`, { kind: 'exempt' }, rid).expect(200)).body;
    expect(exempted).toMatchObject({ kind: 'exempt', rateE4: null });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'update', accountId, before: created, after: exempted }),
    ]);

    const other = await insertAccount(sut.db);
    await api.get(`/api/accounts/${other}/tax-overrides/${created.id}`).expect(404);
    await api.delete(`/api/accounts/${other}/tax-overrides/${created.id}`).expect(404);

    rid = requestId('override-delete');
    await api.delete(`${base}/${created.id}`, rid).expect(200);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([expect.objectContaining({ action: 'delete', accountId, before: exempted })]);
    await expect(api.get(base).expect(200)).resolves.toMatchObject({ body: [] });
  });

  it('moves an exception to another tax, but not onto one the account already has', async () => {
    const accountId = await insertAccount(sut.db);
    const [a, b, c] = [await api.tax(), await api.tax(), await api.tax()];
    const base = `/api/accounts/${accountId}/tax-overrides`;
    const first = (await api.post(base, { taxId: a.id, kind: 'exempt' }).expect(201)).body;
    await api.post(base, { taxId: b.id, kind: 'rate', rateE4: 0 }).expect(201);
    await api.put(`${base}/${first.id}`, { taxId: b.id }).expect(409);
    await expect(api.put(`${base}/${first.id}`, { taxId: c.id }).expect(200)).resolves.toMatchObject({
      body: { taxId: c.id, kind: 'exempt' },
    });
    const sorted = await api.get(`${base}${listQuery({ sort: ['id', 'ASC'], filter: { taxId: b.id } })}`).expect(200);
    expect(sorted.body).toEqual([expect.objectContaining({ taxId: b.id, rateE4: 0 })]);
  });

  it('lists the geographic taxes whose zones contain the service location, edges included', async () => {
    const { west, south, geometry } = uniqueSquare();
    const type = await api.taxType();
    const tax = await api.tax({ taxTypeId: type.id, rateE4: 20_000 });
    const zone = await api.zone(tax.id, geometry, 'Harbour district');
    const retired = await api.tax({ taxTypeId: type.id, rateE4: 10_000, active: false });
    const retiredZone = await api.zone(retired.id, geometry, 'Old harbour');
    const elsewhere = await api.tax({ taxTypeId: type.id });
    await api.zone(elsewhere.id, { type: 'Polygon', coordinates: [geometry.coordinates[0].map(([x, y]) => [x, y - 1])] });

    const decimal = (n: number) => n.toFixed(6);
    const inside = await insertAccount(sut.db);
    await placeAccount(sut.db, inside, decimal(south), decimal(west + 0.05)); // on the south edge
    const res = await api.get(`/api/accounts/${inside}/geo-taxes`).expect(200);
    expect(res.body).toEqual(
      [
        {
          taxId: tax.id,
          taxName: tax.name,
          taxTypeName: type.name,
          rateE4: 20_000,
          active: true,
          zones: [{ id: zone.id, name: 'Harbour district' }],
        },
        {
          taxId: retired.id,
          taxName: retired.name,
          taxTypeName: type.name,
          rateE4: 10_000,
          active: false,
          zones: [{ id: retiredZone.id, name: 'Old harbour' }],
        },
      ].sort((x, y) => x.taxName.localeCompare(y.taxName)),
    );
    expect(res.headers['content-range']).toBe('geo-taxes 0-1/2');

    const outside = await insertAccount(sut.db);
    await placeAccount(sut.db, outside, decimal(south - 0.000001), decimal(west + 0.05));
    await expect(api.get(`/api/accounts/${outside}/geo-taxes`).expect(200)).resolves.toMatchObject({ body: [] });

    const unplaced = await insertAccount(sut.db);
    await expect(api.get(`/api/accounts/${unplaced}/geo-taxes`).expect(200)).resolves.toMatchObject({ body: [] });
  });
});
