import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, CatalogClient, insertTax, listQuery, requestId, uniqueName } from './catalog-fixture';

describe('a package bundles recurring services at its own prices, audited at every change', () => {
  let sut: TestApp;
  let api: CatalogClient;
  beforeAll(async () => {
    sut = await createTestApp();
    api = new CatalogClient(sut, (await sut.admin()).token);
  });
  afterAll(() => sut.close());

  it('creates, reads, lists, updates and deletes a package', async () => {
    const tax = await insertTax(sut.db);
    const internet = await api.service({ kind: 'data', price: 5999, downloadKbps: 50_000, uploadKbps: 10_000, taxIds: [tax] });
    const phone = await api.service({ kind: 'voice', price: 1999 });
    const tv = await api.service({ kind: 'recurring', price: 2999 });
    const name = uniqueName('Home bundle');

    let rid = requestId('package-create');
    const created = (
      await api
        .post(
          '/api/packages',
          {
            name,
            items: [
              { serviceId: phone.id, quantity: 2, price: 1500 },
              { serviceId: internet.id }, // quantity 1 and the service's own price
            ],
          },
          rid,
        )
        .expect(201)
    ).body;
    const [low, high] = phone.id < internet.id ? [phone.id, internet.id] : [internet.id, phone.id];
    expect(created).toMatchObject({ id: expect.any(Number), name, active: true, total: 2 * 1500 + 5999 });
    expect(created.items.map((i: { serviceId: number }) => i.serviceId)).toEqual([low, high]);
    expect(created.items.find((i: { serviceId: number }) => i.serviceId === internet.id)).toMatchObject({
      quantity: 1,
      price: 5999,
      service: { id: internet.id, kind: 'data', downloadKbps: 50_000, uploadKbps: 10_000, taxIds: [tax] },
    });
    expect(created.items.find((i: { serviceId: number }) => i.serviceId === phone.id)).toMatchObject({ quantity: 2, price: 1500 });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'create', entityType: 'package', entityId: String(created.id), after: created }),
    ]);

    await expect(api.get(`/api/packages/${created.id}`).expect(200)).resolves.toMatchObject({ body: created });
    const listed = await api.get(`/api/packages${listQuery({ filter: { q: name, active: true } })}`).expect(200);
    expect(listed.body).toEqual([created]);
    expect(listed.headers['content-range']).toBe('packages 0-0/1');

    rid = requestId('package-update');
    const updated = (
      await api
        .put(
          `/api/packages/${created.id}`,
          {
            name: `${name} plus`,
            items: [
              { serviceId: tv.id, price: 1000 },
              { serviceId: internet.id, price: 4000 },
            ],
          },
          rid,
        )
        .expect(200)
    ).body;
    expect(updated).toMatchObject({ name: `${name} plus`, total: 5000 });
    expect(updated.items.map((i: { serviceId: number }) => i.serviceId).sort()).toEqual([tv.id, internet.id].sort());
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'update', before: created, after: updated }),
    ]);

    rid = requestId('package-deactivate');
    await api.put(`/api/packages/${created.id}`, { active: false }, rid).expect(200);
    const inactive = await api.get(`/api/packages${listQuery({ filter: { q: name, active: false } })}`).expect(200);
    expect(inactive.body.map((p: { id: number }) => p.id)).toEqual([created.id]);
    await expect(auditEntries(sut.db, rid)).resolves.toHaveLength(1);

    rid = requestId('package-delete');
    await api.delete(`/api/packages/${created.id}`, rid).expect(200);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([
      expect.objectContaining({ action: 'delete', entityType: 'package', entityId: String(created.id), after: null }),
    ]);
    await api.get(`/api/packages/${created.id}`).expect(404);
    // The services outlive the package.
    await api.get(`/api/services/${tv.id}`).expect(200);
  });

  it('keeps an already bundled service that was since deactivated, but will not take it in anew', async () => {
    const kept = await api.service();
    const other = await api.service();
    const pkg = (await api.post('/api/packages', { name: uniqueName('Legacy'), items: [{ serviceId: kept.id }] }).expect(201)).body;
    await api.put(`/api/services/${kept.id}`, { active: false }).expect(200);
    await api.put(`/api/packages/${pkg.id}`, { items: [{ serviceId: kept.id, quantity: 3 }, { serviceId: other.id }] }).expect(200);
    const res = await api.post('/api/packages', { name: uniqueName('New'), items: [{ serviceId: kept.id }] }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'items.0.serviceId', rule: 'active' })]);
  });
});
