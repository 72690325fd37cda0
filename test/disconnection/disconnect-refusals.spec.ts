import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from '../billing/billing-world';
import { auditActions, createStatus, DisconnectionBody, footprint, unique } from './disconnection-fixture';

/** What a disconnection refuses, and that a refused one writes nothing at all. */
describe('disconnect refusals', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let inactive: { id: number; name: string };
  let active: { id: number; name: string };

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    inactive = await createStatus(w, false);
    active = await createStatus(w, true);
  });
  afterAll(() => sut.close());
  // Sessions age by the test clock, so each test starts on a fixed day with a fresh login.
  beforeEach(() => w.today('2026-04-11'));
  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** An account with a service on it and a charge waiting, so a disconnection would have plenty to write. */
  async function customer(): Promise<number> {
    const account = await w.account({ billTiming: 'arrears' });
    await w.addService(account, await w.service(3000), '2026-04-01');
    return account;
  }

  it('refuses a status that counts as active, an unknown status and bad fields with a 400 naming the field, and writes nothing', async () => {
    const account = await customer();
    const before = await footprint(sut.db, account);
    const cases: [object, { field: string; rule: string }][] = [
      [{ statusId: active.id }, { field: 'statusId', rule: 'notActive' }],
      [{ statusId: 2_000_000_000 }, { field: 'statusId', rule: 'exists' }],
      [{ statusId: 'seven' }, { field: 'statusId', rule: 'isInt' }],
      [{ statusId: 0 }, { field: 'statusId', rule: 'isPositive' }],
      [
        { statusId: inactive.id, reason: 'x'.repeat(501) },
        { field: 'reason', rule: 'maxLength' },
      ],
      [
        { statusId: inactive.id, reason: 42 },
        { field: 'reason', rule: 'isString' },
      ],
      [
        { statusId: inactive.id, deleteAccount: true },
        { field: 'deleteAccount', rule: 'unknownField' },
      ],
    ];
    for (const [body, detail] of cases) {
      const requestId = `refused-${unique()}`;
      const res = await w.post(`/api/accounts/${account}/disconnect`, body).set('X-Request-Id', requestId).expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining(detail)]));
      await expect(auditActions(sut.db, requestId)).resolves.toEqual([]);
    }
    await expect(footprint(sut.db, account)).resolves.toEqual(before);
  });

  it('answers 404 for an unknown account and 400 for an id that is not a number', async () => {
    const unknown = await w.post('/api/accounts/2000000000/disconnect', { statusId: inactive.id }).expect(404);
    expect(unknown.body.code).toBe('not_found');
    await w.post('/api/accounts/abc/disconnect', { statusId: inactive.id }).expect(400);
  });

  it('needs accounts.disconnect to disconnect and accounts.read to read the log', async () => {
    const account = await customer();
    const before = await footprint(sut.db, account);
    const clerk = await sut.userWith([Permission.AccountsRead, Permission.AccountsManage, Permission.BillingManage]);
    await sut
      .http()
      .post(`/api/accounts/${account}/disconnect`)
      .set('Authorization', `Bearer ${clerk.token}`)
      .send({ statusId: inactive.id })
      .expect(403);
    await sut.http().post(`/api/accounts/${account}/disconnect`).send({ statusId: inactive.id }).expect(401);
    await expect(footprint(sut.db, account)).resolves.toEqual(before);

    const outsider = await sut.userWith([Permission.BillingRead]);
    await sut.http().get(`/api/accounts/${account}/disconnections`).set('Authorization', `Bearer ${outsider.token}`).expect(403);
    const reader = await sut.userWith([Permission.AccountsRead]);
    const log = await sut.http().get(`/api/accounts/${account}/disconnections`).set('Authorization', `Bearer ${reader.token}`).expect(200);
    expect(log.body).toEqual([]);
    await w.get('/api/accounts/2000000000/disconnections').expect(404);

    const disconnector = await sut.userWith([Permission.AccountsDisconnect]);
    const done = await sut
      .http()
      .post(`/api/accounts/${account}/disconnect`)
      .set('Authorization', `Bearer ${disconnector.token}`)
      .send({ statusId: inactive.id })
      .expect(201);
    expect((done.body as DisconnectionBody).disconnectedBy?.id).toBe(disconnector.id);
  });

  it('refuses a second disconnection with a 409 and writes nothing more', async () => {
    const account = await customer();
    await w.post(`/api/accounts/${account}/disconnect`, { statusId: inactive.id }).expect(201);
    const after = await footprint(sut.db, account);
    expect(after).toMatchObject({ statusId: inactive.id, activeServices: 0, disconnections: 1 });

    const again = await w.post(`/api/accounts/${account}/disconnect`, { statusId: inactive.id }).expect(409);
    expect(again.body.code).toBe('account_disconnected');
    expect(again.body.message).toContain('already disconnected on 2026-04-11');
    await expect(footprint(sut.db, account)).resolves.toEqual(after);
  });

  it('lets exactly one of two simultaneous disconnections through', async () => {
    const account = await customer();
    const results = await Promise.all([1, 2].map(() => w.post(`/api/accounts/${account}/disconnect`, { statusId: inactive.id })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    await expect(footprint(sut.db, account)).resolves.toMatchObject({ disconnections: 1, invoices: 1 });
  });
});
