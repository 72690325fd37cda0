import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, CatalogClient, insertTax, listQuery, requestId, uniqueName } from './catalog-fixture';

describe('a service goes through create, read, list, update and delete, one audit entry each', () => {
  let sut: TestApp;
  let api: CatalogClient;
  beforeAll(async () => {
    sut = await createTestApp();
    api = new CatalogClient(sut, (await sut.admin()).token);
  });
  afterAll(() => sut.close());

  it('keeps prices in cents and taxes as ids, and audits every change with before and after', async () => {
    const [vat, levy] = [await insertTax(sut.db), await insertTax(sut.db, 10_000)];
    const name = uniqueName('Fiber');

    let rid = requestId('service-create');
    const created = (
      await api
        .post(
          '/api/services',
          { name, kind: 'data', price: 5999, downloadKbps: 100_000, uploadKbps: 20_000, ledgerCode: '4000', taxIds: [levy, vat] },
          rid,
        )
        .expect(201)
    ).body;
    expect(created).toEqual({
      id: expect.any(Number),
      name,
      kind: 'data',
      adjustmentSide: null,
      price: 5999,
      downloadKbps: 100_000,
      uploadKbps: 20_000,
      usagePolicyId: null,
      voiceRatePlanId: null,
      includedMinutes: null,
      includedMinutesScope: null,
      ledgerCode: '4000',
      active: true,
      taxIds: [vat, levy].sort((a, b) => a - b),
    });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'create', entityType: 'service', entityId: String(created.id), before: null, after: created }),
    ]);

    await expect(api.get(`/api/services/${created.id}`).expect(200)).resolves.toMatchObject({ body: created });

    rid = requestId('service-update');
    const updated = (await api.put(`/api/services/${created.id}`, { kind: 'recurring', price: 4999, taxIds: [vat] }, rid).expect(200)).body;
    // Speeds belong to data services only, so leaving the kind drops them.
    expect(updated).toMatchObject({ kind: 'recurring', price: 4999, downloadKbps: null, uploadKbps: null, taxIds: [vat], name });
    const [updateEntry] = await auditEntries(sut.db, rid);
    expect(updateEntry).toMatchObject({
      action: 'update',
      before: { kind: 'data', price: 5999 },
      after: { kind: 'recurring', price: 4999 },
    });
    await expect(auditEntries(sut.db, rid)).resolves.toHaveLength(1);

    rid = requestId('service-deactivate');
    await api.put(`/api/services/${created.id}`, { active: false }, rid).expect(200);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'update', after: expect.objectContaining({ active: false }) }),
    ]);

    rid = requestId('service-delete');
    const deleted = (await api.delete(`/api/services/${created.id}`, rid).expect(200)).body;
    expect(deleted).toMatchObject({ id: created.id, active: false });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'delete', entityType: 'service', entityId: String(created.id), after: null }),
    ]);
    await api.get(`/api/services/${created.id}`).expect(404);
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM service_taxes WHERE service_id = ?', [created.id]);
    expect(Number(n)).toBe(0);
  });

  it('lists with filters by kind, active and part of the name, sorted by price', async () => {
    const tag = uniqueName('Listing').replace(' ', '');
    const cheap = await api.service({ name: `${tag} cheap`, price: 100 });
    const dear = await api.service({ name: `${tag} dear`, price: 9900 });
    const off = await api.service({ name: `${tag} off`, price: 500, active: false });
    const once = await api.service({ name: `${tag} install`, kind: 'one_time', price: 2500 });
    const credit = await api.service({ name: `${tag} goodwill`, kind: 'adjustment', adjustmentSide: 'credit', price: 0 });

    const res = await api
      .get(`/api/services${listQuery({ filter: { q: tag, kind: 'recurring', active: true }, sort: ['price', 'DESC'] })}`)
      .expect(200);
    expect(res.body.map((s: { id: number }) => s.id)).toEqual([dear.id, cheap.id]);
    expect(res.headers['content-range']).toBe('services 0-1/2');

    const inactive = await api.get(`/api/services${listQuery({ filter: { q: tag, active: false } })}`).expect(200);
    expect(inactive.body.map((s: { id: number }) => s.id)).toEqual([off.id]);

    const byKind = await api.get(`/api/services${listQuery({ filter: { q: tag }, sort: ['kind', 'ASC'], range: [0, 9] })}`).expect(200);
    expect(byKind.body.map((s: { kind: string }) => s.kind)).toEqual(['recurring', 'recurring', 'recurring', 'one_time', 'adjustment']);
    expect(byKind.body.find((s: { id: number }) => s.id === credit.id)).toMatchObject({ adjustmentSide: 'credit' });
    expect(byKind.body.find((s: { id: number }) => s.id === once.id)).toMatchObject({ price: 2500 });

    const many = await api.get(`/api/services${listQuery({ filter: { id: [once.id, off.id] } })}`).expect(200);
    expect(many.body).toHaveLength(2);
  });

  it('lets a reader read but only a configurer change the catalogue', async () => {
    const reader = new CatalogClient(sut, (await sut.userWith([Permission.BillingRead])).token);
    const service = await api.service();
    const answers = [
      await reader.get(`/api/services/${service.id}`),
      await reader.get('/api/services'),
      await reader.post('/api/services', { name: uniqueName('Nope'), kind: 'recurring', price: 1, ledgerCode: '4000' }),
      await reader.put(`/api/services/${service.id}`, { price: 1 }),
      await reader.delete(`/api/services/${service.id}`),
    ];
    expect(answers.map((res) => res.status)).toEqual([200, 200, 403, 403, 403]);
  });

  it('refuses a second service with the same name', async () => {
    const first = await api.service();
    const rid = requestId('service-duplicate');
    const res = await api.post('/api/services', { name: first.name, kind: 'one_time', price: 1, ledgerCode: '4000' }, rid).expect(409);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'name', rule: 'unique' })]);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });
});
