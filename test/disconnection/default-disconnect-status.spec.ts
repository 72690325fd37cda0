import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from '../billing/billing-world';
import { createStatus, DisconnectionBody, footprint } from './disconnection-fixture';

interface Settings {
  defaultStatusId: number | null;
  statuses: { id: number; name: string; color: string; isDefault: boolean }[];
}

/**
 * The default disconnect status, used when a disconnection names none. It is one
 * setting for the whole instance, so this file puts back what it found.
 */
describe('the default disconnect status', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let found: number | null;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    found = ((await w.get('/api/disconnection-settings').expect(200)).body as Settings).defaultStatusId;
  });
  afterAll(async () => {
    await w.today('2026-04-11');
    await w.put('/api/disconnection-settings', { defaultStatusId: found }).expect(200);
    await sut.close();
  });
  // Sessions age by the test clock, so each test starts on a fixed day with a fresh login.
  beforeEach(() => w.today('2026-04-11'));
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('is set by accounts.configure to a status that does not count as active, and used when a disconnection names none', async () => {
    const status = await createStatus(w, false);
    const settings = (await w.put('/api/disconnection-settings', { defaultStatusId: status.id }).expect(200)).body as Settings;
    expect(settings.defaultStatusId).toBe(status.id);
    expect(settings.statuses.filter((s) => s.isDefault)).toEqual([{ id: status.id, name: status.name, color: '#455a64', isDefault: true }]);
    const [flagged] = await sut.db.query('SELECT COUNT(*) AS n FROM account_statuses WHERE is_disconnect = 1');
    expect(Number(flagged.n)).toBe(1);

    const account = await w.account();
    const entry = (await w.post(`/api/accounts/${account}/disconnect`, {}).expect(201)).body as DisconnectionBody;
    expect(entry.status).toMatchObject({ id: status.id, name: status.name });
  });

  it('refuses an active or unknown status, a missing field, and callers without accounts.configure', async () => {
    const active = await createStatus(w, true);
    const before = ((await w.get('/api/disconnection-settings').expect(200)).body as Settings).defaultStatusId;
    const refused = await w.put('/api/disconnection-settings', { defaultStatusId: active.id }).expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'defaultStatusId', rule: 'notActive' })]);
    const unknown = await w.put('/api/disconnection-settings', { defaultStatusId: 2_000_000_000 }).expect(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'defaultStatusId', rule: 'exists' })]);
    const missing = await w.put('/api/disconnection-settings', {}).expect(400);
    expect(missing.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'defaultStatusId' })]));
    const reader = await sut.userWith([Permission.AccountsRead, Permission.AccountsDisconnect]);
    await sut
      .http()
      .put('/api/disconnection-settings')
      .set('Authorization', `Bearer ${reader.token}`)
      .send({ defaultStatusId: null })
      .expect(403);
    await expect(w.get('/api/disconnection-settings').expect(200)).resolves.toMatchObject({ body: { defaultStatusId: before } });
  });

  it('refuses with a 409, writing nothing, when no status is given and none is the default', async () => {
    const account = await w.account();
    await w.addService(account, await w.service(3000), '2026-04-01');
    const before = await footprint(sut.db, account);
    await w.put('/api/disconnection-settings', { defaultStatusId: null }).expect(200);

    const res = await w.post(`/api/accounts/${account}/disconnect`, {}).expect(409);

    expect(res.body.code).toBe('no_disconnect_status');
    await expect(footprint(sut.db, account)).resolves.toEqual(before);
  });
});
