import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, insertAccount, listQuery, requestId, SQUARE, TaxClient, uniqueName } from './tax-fixture';

describe('tax types, taxes and zones through the API, each change audited once', () => {
  let sut: TestApp;
  let api: TaxClient;
  beforeAll(async () => {
    sut = await createTestApp();
    api = new TaxClient(sut, (await sut.admin()).token);
  });
  afterAll(() => sut.close());

  it('creates, lists, changes and deletes a tax type and a tax', async () => {
    let rid = requestId('tax-type-create');
    const type = (await api.post('/api/tax-types', { name: uniqueName('Sales tax') }, rid).expect(201)).body;
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'create', entityType: 'tax_type', entityId: String(type.id), after: type }),
    ]);

    rid = requestId('tax-create');
    const name = uniqueName('State tax');
    const tax = (await api.post('/api/taxes', { name, taxTypeId: type.id, rateE4: 62_500 }, rid).expect(201)).body;
    expect(tax).toEqual({
      id: expect.any(Number),
      name,
      taxTypeId: type.id,
      taxTypeName: type.name,
      rateE4: 62_500,
      active: true,
      geographic: false,
      zoneCount: 0,
    });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'create', entityType: 'tax', after: tax }),
    ]);

    const list = await api
      .get(`/api/taxes${listQuery({ filter: { taxTypeId: type.id }, sort: ['rateE4', 'DESC'], range: [0, 9] })}`)
      .expect(200);
    expect(list.body).toEqual([tax]);
    expect(list.headers['content-range']).toBe('taxes 0-0/1');

    rid = requestId('tax-update');
    const updated = (await api.put(`/api/taxes/${tax.id}`, { rateE4: 82_500, active: false }, rid).expect(200)).body;
    expect(updated).toMatchObject({ rateE4: 82_500, active: false });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'update', entityType: 'tax', before: tax, after: updated }),
    ]);

    await expect(api.delete(`/api/tax-types/${type.id}`).expect(409)).resolves.toMatchObject({
      body: { message: `Tax type "${type.name}" cannot be deleted: 1 tax(es) still belong to it` },
    });

    rid = requestId('tax-delete');
    await api.delete(`/api/taxes/${tax.id}`, rid).expect(200);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'delete', entityType: 'tax', before: updated }),
    ]);
    await api.delete(`/api/tax-types/${type.id}`).expect(200);
    await api.get(`/api/tax-types/${type.id}`).expect(404);
  });

  it('answers 409 for a second tax or tax type of the same name', async () => {
    const type = await api.taxType();
    await expect(api.post('/api/tax-types', { name: type.name }).expect(409)).resolves.toMatchObject({
      body: { details: [expect.objectContaining({ field: 'name', rule: 'unique' })] },
    });
    const tax = await api.tax({ taxTypeId: type.id });
    await api.post('/api/taxes', { name: tax.name, taxTypeId: type.id, rateE4: 1 }).expect(409);
    const other = await api.tax({ taxTypeId: type.id });
    await api.put(`/api/taxes/${other.id}`, { name: tax.name }).expect(409);
  });

  it('stores a zone to six decimals and makes its tax geographic', async () => {
    const tax = await api.tax();
    const rid = requestId('zone-create');
    const geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [-89.70000049, 39.7],
          [-89.6, 39.7],
          [-89.6, 39.8000005],
          [-89.7, 39.8],
          [-89.7, 39.7],
        ],
      ],
    };
    const zone = (await api.post('/api/tax-zones', { name: 'Springfield', taxId: tax.id, geometry }, rid).expect(201)).body;
    expect(zone).toEqual({
      id: expect.any(Number),
      name: 'Springfield',
      taxId: tax.id,
      taxName: tax.name,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-89.7, 39.7],
            [-89.6, 39.7],
            [-89.6, 39.800001],
            [-89.7, 39.8],
            [-89.7, 39.7],
          ],
        ],
      },
    });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'create', entityType: 'tax_zone', after: zone }),
    ]);
    const [box] = await sut.db.query('SELECT min_lat, max_lat, min_lng, max_lng FROM tax_zones WHERE id = ?', [zone.id]);
    expect(box).toEqual({ min_lat: '39.700000', max_lat: '39.800001', min_lng: '-89.700000', max_lng: '-89.600000' });
    await expect(api.get(`/api/taxes/${tax.id}`).expect(200)).resolves.toMatchObject({ body: { geographic: true, zoneCount: 1 } });

    const listed = await api.get(`/api/tax-zones${listQuery({ filter: { taxId: tax.id } })}`).expect(200);
    expect(listed.body).toEqual([zone]);
    expect(listed.headers['content-range']).toBe('tax-zones 0-0/1');

    const moved = (await api.put(`/api/tax-zones/${zone.id}`, { name: 'Springfield east', geometry: SQUARE }).expect(200)).body;
    expect(moved).toMatchObject({ name: 'Springfield east', geometry: SQUARE });
    const [after] = await sut.db.query('SELECT max_lat FROM tax_zones WHERE id = ?', [zone.id]);
    expect(after.max_lat).toBe('39.800000');
  });

  it('deletes a tax with its zones, one audit entry for each', async () => {
    const tax = await api.tax();
    const first = await api.zone(tax.id);
    const second = await api.zone(tax.id);
    const rid = requestId('tax-with-zones-delete');
    await api.delete(`/api/taxes/${tax.id}`, rid).expect(200);
    const entries = await auditEntries(sut.db, rid);
    expect(entries.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ['delete', 'tax_zone', String(first.id)],
      ['delete', 'tax_zone', String(second.id)],
      ['delete', 'tax', String(tax.id)],
    ]);
    expect(Number((await sut.db.query('SELECT COUNT(*) AS n FROM tax_zones WHERE tax_id = ?', [tax.id]))[0].n)).toBe(0);
  });

  it('refuses to delete a tax an account has an exception for, and changes nothing', async () => {
    const tax = await api.tax();
    const zone = await api.zone(tax.id);
    const accountId = await insertAccount(sut.db);
    await api.post(`/api/accounts/${accountId}/tax-overrides`, { taxId: tax.id, kind: 'exempt' }).expect(201);
    const rid = requestId('tax-in-use-delete');
    const res = await api.delete(`/api/taxes/${tax.id}`, rid).expect(409);
    expect(res.body.message).toContain('1 account(s) have their own rate or an exemption for it');
    await api.get(`/api/taxes/${tax.id}`).expect(200);
    await api.get(`/api/tax-zones/${zone.id}`).expect(200);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  it('refuses to delete a tax a service carries, and keeps its zones', async () => {
    const tax = await api.tax();
    const zone = await api.zone(tax.id);
    const service = await sut.db.query("INSERT INTO services (name, kind, price, ledger_code) VALUES (?, 'recurring', 4999, '4000')", [
      uniqueName('Taxed service'),
    ]);
    await sut.db.query('INSERT INTO service_taxes (service_id, tax_id) VALUES (?, ?)', [service.insertId, tax.id]);
    const rid = requestId('tax-carried-delete');
    await expect(api.delete(`/api/taxes/${tax.id}`, rid).expect(409)).resolves.toMatchObject({
      body: { message: expect.stringContaining('services carry it or charges were taxed with it') },
    });
    await api.get(`/api/tax-zones/${zone.id}`).expect(200);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });
});
