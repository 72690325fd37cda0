import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { auditCount, Client, insertAccountOfType, insertAccountType, insertService, insertStatus } from './billing-config-fixture';

describe('billing settings refuse bad input with the field and rule, and write nothing', () => {
  let sut: TestApp;
  let client: Client;
  let accountId: number;
  let typeId: number;
  const refs: Record<string, number> = {};

  beforeAll(async () => {
    sut = await createTestApp();
    client = new Client(sut, (await sut.admin()).token);
    typeId = await insertAccountType(sut.db);
    accountId = await insertAccountOfType(sut.db, typeId);
    refs.recurring = await insertService(sut.db, 'recurring');
    refs.creditAdjustment = await insertService(sut.db, 'adjustment', 'credit');
    refs.oneTime = await insertService(sut.db, 'one_time');
    refs.debitAdjustment = await insertService(sut.db, 'adjustment', 'debit');
    refs.plainStatus = await insertStatus(sut.db, false);
    refs.delinquentStatus = await insertStatus(sut.db, true);
    await client.put(`/api/accounts/${accountId}/billing-config`, { dueDays: 9 }).expect(200);
  });
  afterAll(() => sut.close());

  const cases: [string, () => object, string, string][] = [
    ['a bill day past the 28th', () => ({ billDay: 29 }), 'billDay', 'max'],
    ['a fractional bill day', () => ({ billDay: 1.5 }), 'billDay', 'isInt'],
    ['a bill day sent as text', () => ({ billDay: '5' }), 'billDay', 'isInt'],
    ['an invoice day of 0', () => ({ invoiceDay: 0 }), 'invoiceDay', 'min'],
    ['more than 120 due days', () => ({ dueDays: 121 }), 'dueDays', 'max'],
    ['negative grace days', () => ({ graceDays: -1 }), 'graceDays', 'min'],
    ['no delinquency weekday', () => ({ delinquencyWeekdays: [] }), 'delinquencyWeekdays', 'arrayNotEmpty'],
    ['a repeated weekday', () => ({ delinquencyWeekdays: [1, 1] }), 'delinquencyWeekdays', 'arrayUnique'],
    ['weekday 8', () => ({ delinquencyWeekdays: [1, 8] }), 'delinquencyWeekdays', 'max'],
    ['weekday 0', () => ({ delinquencyWeekdays: [0] }), 'delinquencyWeekdays', 'min'],
    ['a late fee with a fraction of a cent', () => ({ lateFeeAmount: 12.5 }), 'lateFeeAmount', 'integer'],
    ['a negative late fee minimum', () => ({ lateFeeMinimumOverdue: -100 }), 'lateFeeMinimumOverdue', 'min'],
    ['a late fee rate over 100 %', () => ({ lateFeeRateE4: 1_000_001 }), 'lateFeeRateE4', 'max'],
    ['an unknown billing mode', () => ({ billingMode: 'weekly' }), 'billingMode', 'isIn'],
    ['an unknown rounding', () => ({ prorationRounding: 'dime' }), 'prorationRounding', 'isIn'],
    ['a switch sent as text', () => ({ prorateServices: 'yes' }), 'prorateServices', 'isBoolean'],
    ['an unknown setting', () => ({ billEvery: 2 }), 'billEvery', 'unknownField'],
    ['a missing late fee service', () => ({ lateFeeServiceId: 999999999 }), 'lateFeeServiceId', 'exists'],
    ['a recurring late fee service', () => ({ lateFeeServiceId: refs.recurring }), 'lateFeeServiceId', 'lateFeeService'],
    ['a credit adjustment late fee service', () => ({ lateFeeServiceId: refs.creditAdjustment }), 'lateFeeServiceId', 'lateFeeService'],
    ['a missing delinquent status', () => ({ delinquentStatusId: 999999999 }), 'delinquentStatusId', 'exists'],
    ['a status not marked as delinquency', () => ({ delinquentStatusId: refs.plainStatus }), 'delinquentStatusId', 'delinquencyStatus'],
  ];

  it.each(cases)('refuses %s on an account, an account type and the system', async (_name, body, field, rule) => {
    const before = (await client.get(`/api/accounts/${accountId}/billing-config`).expect(200)).body;
    const typeBefore = (await client.get(`/api/account-types/${typeId}/billing-defaults`).expect(200)).body;
    const systemBefore = (await client.get('/api/billing-settings').expect(200)).body;
    for (const path of [
      `/api/accounts/${accountId}/billing-config`,
      `/api/account-types/${typeId}/billing-defaults`,
      '/api/billing-settings',
    ]) {
      // Valid fields ride along, so a half-applied request would show.
      const res = await client.put(path, { graceDays: 2, ...body() }).expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
      expect(await auditCount(sut.db, client.lastRequestId)).toBe(0);
    }
    expect((await client.get(`/api/accounts/${accountId}/billing-config`).expect(200)).body).toEqual(before);
    expect((await client.get(`/api/account-types/${typeId}/billing-defaults`).expect(200)).body).toEqual(typeBefore);
    expect((await client.get('/api/billing-settings').expect(200)).body).toEqual(systemBefore);
  });

  it('accepts a one-time or debit adjustment late fee service and a delinquency status', async () => {
    for (const lateFeeServiceId of [refs.oneTime, refs.debitAdjustment]) {
      const { body } = await client
        .put(`/api/accounts/${accountId}/billing-config`, { lateFeeServiceId, delinquentStatusId: refs.delinquentStatus })
        .expect(200);
      expect(body.effective).toMatchObject({ lateFeeServiceId, delinquentStatusId: refs.delinquentStatus });
    }
  });

  it('refuses to empty a system setting that every account falls back to, but lets optional ones be none', async () => {
    const res = await client.put('/api/billing-settings', { dueDays: null, billMode: null }).expect(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'dueDays', rule: 'notNull' }),
      expect.objectContaining({ field: 'billMode', rule: 'notNull' }),
    ]);
    expect(await auditCount(sut.db, client.lastRequestId)).toBe(0);
  });

  it('keeps each level behind its own permission', async () => {
    const reader = new Client(sut, (await sut.userWith([Permission.BillingRead])).token);
    const manager = new Client(sut, (await sut.userWith([Permission.BillingRead, Permission.BillingManage])).token);
    const statuses = {
      readAccount: (await reader.get(`/api/accounts/${accountId}/billing-config`)).status,
      readSystem: (await reader.get('/api/billing-settings')).status,
      readerWritesAccount: (await reader.put(`/api/accounts/${accountId}/billing-config`, { dueDays: 3 })).status,
      managerWritesAccount: (await manager.put(`/api/accounts/${accountId}/billing-config`, { dueDays: 3 })).status,
      managerWritesType: (await manager.put(`/api/account-types/${typeId}/billing-defaults`, { dueDays: 3 })).status,
      managerWritesSystem: (await manager.put('/api/billing-settings', { dueDays: 3 })).status,
      managerWritesPeriod: (await manager.put('/api/accounting-period', { autoClose: true })).status,
      managerAddsExclusion: (await manager.post('/api/delinquency-exclusion-dates', { date: '2199-01-01' })).status,
    };
    expect(statuses).toEqual({
      readAccount: 200,
      readSystem: 200,
      readerWritesAccount: 403,
      managerWritesAccount: 200,
      managerWritesType: 403,
      managerWritesSystem: 403,
      managerWritesPeriod: 403,
      managerAddsExclusion: 403,
    });
  });
});
