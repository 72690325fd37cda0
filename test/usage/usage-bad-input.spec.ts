import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/auth/permission';
import { BillingWorld } from '../billing/billing-world';
import { createTestApp, TestApp } from '../support/test-app';

/** Usage policies, top-offs and period corrections: bad input is a 4xx naming the field and rule, and nothing is written. */
describe('data usage: bad input and missing permissions write nothing', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let oneTime: number;
  let recurring: number;
  const rulesOf = (body: { details: { field: string; rule: string }[] }) => body.details.map((d) => `${d.field}:${d.rule}`);
  const count = async (sql: string, params: unknown[] = []) => Number((await sut.db.query(sql, params))[0].n);
  const policies = () => count('SELECT COUNT(*) AS n FROM usage_policies');

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    oneTime = await w.service(900, { kind: 'one_time' });
    recurring = await w.service(900);
  });
  afterAll(() => sut.close());

  it('refuses a policy whose figures are malformed or do not hang together, naming each field', async () => {
    const before = await policies();
    const malformed = await w
      .post('/api/usage-policies', {
        name: 'Bad',
        capGb: '1e3',
        atCap: 'throttle',
        rolloverExpiryMonths: 37,
        freeWindows: [{ startHour: 24, endHour: 0 }],
      })
      .expect(400);
    expect(rulesOf(malformed.body)).toEqual(
      expect.arrayContaining([
        'capGb:matches',
        'atCap:isIn',
        'rolloverExpiryMonths:max',
        'freeWindows.0.startHour:max',
        'freeWindows.0.endHour:min',
      ]),
    );
    const incomplete = await w
      .post('/api/usage-policies', { name: 'Half', capGb: '100', topOffsAllowed: true, rollover: true })
      .expect(400);
    expect(rulesOf(incomplete.body)).toEqual([
      'overageServiceId:required',
      'overageBlockGb:required',
      'topOffGb:required',
      'topOffServiceId:required',
      'rolloverExpiryMonths:required',
    ]);
    const wrongService = await w
      .post('/api/usage-policies', { name: 'Wrong', capGb: '100', overageServiceId: recurring, overageBlockGb: '10' })
      .expect(400);
    expect(rulesOf(wrongService.body)).toEqual(['overageServiceId:oneTime']);
    const missingService = await w
      .post('/api/usage-policies', { name: 'Missing', capGb: '100', overageServiceId: 999_999_999, overageBlockGb: '10' })
      .expect(400);
    expect(rulesOf(missingService.body)).toEqual(['overageServiceId:exists']);
    const emptyWindow = await w.post('/api/usage-policies', { name: 'Empty', freeWindows: [{ startHour: 5, endHour: 5 }] }).expect(400);
    expect(rulesOf(emptyWindow.body)).toEqual(['freeWindows[0].endHour:notEmpty']);
    expect(await policies()).toBe(before);
  });

  it('refuses a second policy of the same name, a policy on a service that is not data, and deleting a policy in use', async () => {
    const name = `Plan ${randomUUID().slice(0, 8)}`;
    const policy = (await w.post('/api/usage-policies', { name, capGb: '10', overageServiceId: oneTime, overageBlockGb: '1' }).expect(201))
      .body;
    const taken = await w.post('/api/usage-policies', { name }).expect(409);
    expect(taken.body).toMatchObject({ code: 'usage_policy_name_taken', details: [{ field: 'name', rule: 'unique' }] });
    const onRecurring = await w.put(`/api/services/${recurring}`, { usagePolicyId: policy.id }).expect(400);
    expect(rulesOf(onRecurring.body)).toEqual(['usagePolicyId:notAllowed']);
    const data = await w.service(3000, { kind: 'data' });
    const unknown = await w.put(`/api/services/${data}`, { usagePolicyId: 999_999_999 }).expect(400);
    expect(rulesOf(unknown.body)).toEqual(['usagePolicyId:exists']);
    await w.put(`/api/services/${data}`, { usagePolicyId: policy.id }).expect(200);
    const inUse = await w.delete(`/api/usage-policies/${policy.id}`).expect(409);
    expect(inUse.body.code).toBe('usage_policy_in_use');
    await w.get(`/api/usage-policies/${policy.id}`).expect(200);
    const nothing = await w.sut
      .http()
      .patch(`/api/usage-policies/${policy.id}`)
      .set('Authorization', `Bearer ${w.token}`)
      .send({})
      .expect(400);
    expect(rulesOf(nothing.body)).toEqual(['body:nothingToChange']);
    // Taken off its service, it can go.
    await w.put(`/api/services/${data}`, { usagePolicyId: null }).expect(200);
    await w.delete(`/api/usage-policies/${policy.id}`).expect(200);
    await w.get(`/api/usage-policies/${policy.id}`).expect(404);
  });

  it('refuses a correction that is not GB, has no reason or changes nothing, and a top-off without a policy allowing it', async () => {
    const account = await w.account();
    const corrections = () => count('SELECT COUNT(*) AS n FROM usage_adjustments WHERE account_id = ?', [account]);
    const bad = await w
      .put(`/api/accounts/${account}/usage-periods/current`, {
        billableUploadGb: '-1',
        billableDownloadGb: '1.0000000001',
        freeUploadGb: '0',
        reason: ' ',
      })
      .expect(400);
    expect(rulesOf(bad.body)).toEqual(
      expect.arrayContaining(['billableUploadGb:matches', 'billableDownloadGb:matches', 'freeDownloadGb:isString', 'reason:matches']),
    );
    const same = await w
      .put(`/api/accounts/${account}/usage-periods/current`, {
        billableUploadGb: '0',
        billableDownloadGb: '0',
        freeUploadGb: '0',
        freeDownloadGb: '0',
        reason: 'no change',
      })
      .expect(400);
    expect(rulesOf(same.body)).toEqual(['body:nothingToChange']);
    expect(await corrections()).toBe(0);
    const topOff = await w.post(`/api/accounts/${account}/usage-top-offs`).expect(409);
    expect(topOff.body).toMatchObject({ code: 'usage_top_off_not_allowed', message: 'The account has no data service to top off' });
    await w.get('/api/accounts/999999999/data-usage').expect(404);
    await w.post('/api/accounts/999999999/usage-top-offs').expect(404);
  });

  it('needs billing.configure to change policies and billing.manage to correct or top off', async () => {
    const reader = await sut.userWith([Permission.BillingRead, Permission.NetworkRead]);
    const account = await w.account();
    const as = (method: 'post' | 'put', path: string, body: object) =>
      sut.http()[method](path).set('Authorization', `Bearer ${reader.token}`).send(body);
    await sut.http().get('/api/usage-policies').set('Authorization', `Bearer ${reader.token}`).expect(200);
    await sut.http().get(`/api/accounts/${account}/data-usage`).set('Authorization', `Bearer ${reader.token}`).expect(200);
    await as('post', '/api/usage-policies', { name: 'Not mine' }).expect(403);
    await as('put', `/api/accounts/${account}/usage-periods/current`, {
      billableUploadGb: '1',
      billableDownloadGb: '1',
      freeUploadGb: '0',
      freeDownloadGb: '0',
      reason: 'x',
    }).expect(403);
    await as('post', `/api/accounts/${account}/usage-top-offs`, {}).expect(403);
    expect(await count('SELECT COUNT(*) AS n FROM usage_adjustments WHERE account_id = ?', [account])).toBe(0);
  });
});
