import { insertAccount } from '../contacts/account-fixture';
import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, CatalogClient, requestId, uniqueName } from './catalog-fixture';

/** What has been sold stays in the catalogue for the ledger's sake; the way out is deactivation. */
describe('a service or package in use cannot be deleted, only deactivated', () => {
  let sut: TestApp;
  let api: CatalogClient;
  beforeAll(async () => {
    sut = await createTestApp();
    api = new CatalogClient(sut, (await sut.admin()).token);
  });
  afterAll(() => sut.close());

  const serviceCount = async (id: number) => Number((await sut.db.query('SELECT COUNT(*) AS n FROM services WHERE id = ?', [id]))[0].n);

  it('refuses to delete a service a package holds, naming the package', async () => {
    const service = await api.service();
    const pkgName = uniqueName('Holder');
    await api.post('/api/packages', { name: pkgName, items: [{ serviceId: service.id }] }).expect(201);
    const rid = requestId('delete-packaged');
    const res = await api.delete(`/api/services/${service.id}`, rid).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, message: expect.stringContaining(pkgName) });
    await expect(serviceCount(service.id)).resolves.toBe(1);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);

    await api.put(`/api/services/${service.id}`, { active: false }).expect(200);
  });

  it('refuses to turn a packaged service into a one-time one', async () => {
    const service = await api.service({ kind: 'voice' });
    await api.post('/api/packages', { name: uniqueName('Voice pack'), items: [{ serviceId: service.id }] }).expect(201);
    const rid = requestId('kind-packaged');
    const res = await api.put(`/api/services/${service.id}`, { kind: 'one_time' }, rid).expect(409);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'kind', rule: 'recurring' })]);
    await expect(api.get(`/api/services/${service.id}`).expect(200)).resolves.toMatchObject({ body: { kind: 'voice' } });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  it('refuses to delete a service or a package an account has had', async () => {
    const accountId = await insertAccount(sut.db);
    const service = await api.service();
    const bundled = await api.service();
    const pkg = (await api.post('/api/packages', { name: uniqueName('Sold'), items: [{ serviceId: bundled.id }] }).expect(201)).body;
    const onAccount =
      'INSERT INTO account_services (account_id, service_id, package_id, quantity, prorate_on_add, added_on) VALUES (?, ?, ?, 1, 0, ?)';
    await sut.db.query(onAccount, [accountId, service.id, null, '2026-01-01']);
    await sut.db.query(onAccount, [accountId, null, pkg.id, '2026-01-01']);

    let rid = requestId('delete-sold-service');
    const res = await api.delete(`/api/services/${service.id}`, rid).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, message: expect.stringMatching(/deactivate/) });
    await expect(serviceCount(service.id)).resolves.toBe(1);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);

    rid = requestId('kind-sold-service');
    await api.put(`/api/services/${service.id}`, { kind: 'one_time' }, rid).expect(409);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);

    rid = requestId('delete-sold-package');
    const pkgRes = await api.delete(`/api/packages/${pkg.id}`, rid).expect(409);
    expect(pkgRes.body).toMatchObject({ message: expect.stringMatching(/deactivate/) });
    await api.get(`/api/packages/${pkg.id}`).expect(200);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);

    rid = requestId('deactivate-sold');
    await api.put(`/api/services/${service.id}`, { active: false }, rid).expect(200);
    await api.put(`/api/packages/${pkg.id}`, { active: false }, rid).expect(200);
    await expect(auditEntries(sut.db, rid)).resolves.toHaveLength(2);
  });

  it('deletes a service nothing uses, with its tax links', async () => {
    const service = await api.service({ name: uniqueName('Unused') });
    await api.delete(`/api/services/${service.id}`).expect(200);
    await expect(serviceCount(service.id)).resolves.toBe(0);
  });
});
