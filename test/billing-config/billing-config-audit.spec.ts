import { auditEntries } from '../contacts/account-fixture';
import { createTestApp, TestApp } from '../support/test-app';
import { auditCount, Client, insertAccountOfType, insertAccountType } from './billing-config-fixture';

describe('every billing configuration change leaves exactly one audit entry', () => {
  let sut: TestApp;
  let client: Client;
  beforeAll(async () => {
    sut = await createTestApp();
    client = new Client(sut, (await sut.admin()).token);
  });
  afterAll(() => sut.close());

  const onlyEntry = async () => {
    const entries = await auditEntries(sut.db, client.lastRequestId);
    expect(entries).toHaveLength(1);
    return entries[0];
  };

  it("records an account override change on the account's log, with before and after", async () => {
    const typeId = await insertAccountType(sut.db);
    const accountId = await insertAccountOfType(sut.db, typeId);
    await client.put(`/api/accounts/${accountId}/billing-config`, { billDay: 15, printedInvoice: true }).expect(200);
    const first = await onlyEntry();
    expect(first).toMatchObject({ action: 'update', entityType: 'account_billing_config', entityId: String(accountId), accountId });
    expect(first.before).toMatchObject({ billDay: null, printedInvoice: null });
    expect(first.after).toMatchObject({ billDay: 15, printedInvoice: true });

    await client.put(`/api/accounts/${accountId}/billing-config`, { billDay: null }).expect(200);
    expect(await onlyEntry()).toMatchObject({ before: { billDay: 15 }, after: { billDay: null, printedInvoice: true } });

    // Sending what is already there changes nothing, so nothing is recorded.
    await client.put(`/api/accounts/${accountId}/billing-config`, { printedInvoice: true }).expect(200);
    expect(await auditCount(sut.db, client.lastRequestId)).toBe(0);
  });

  it("records an account type's defaults", async () => {
    const typeId = await insertAccountType(sut.db);
    await client.put(`/api/account-types/${typeId}/billing-defaults`, { billTiming: 'arrears', lateFeeRateE4: 15_000 }).expect(200);
    expect(await onlyEntry()).toMatchObject({
      action: 'update',
      entityType: 'account_type_billing_defaults',
      entityId: String(typeId),
      before: { billTiming: null, lateFeeRateE4: null },
      after: { billTiming: 'arrears', lateFeeRateE4: 15_000 },
    });
  });

  it('records creating, changing and deleting an exclusion date', async () => {
    // Inside the accepted window, and a year no other spec's exclusion dates use.
    const year = 2031;
    const created = (await client.post('/api/delinquency-exclusion-dates', { date: `${year}-12-25`, reason: 'Christmas Day' }).expect(201))
      .body;
    expect(await onlyEntry()).toMatchObject({
      action: 'create',
      entityType: 'delinquency_exclusion_date',
      after: { date: `${year}-12-25` },
    });
    await client.put(`/api/delinquency-exclusion-dates/${created.id}`, { reason: 'Christmas' }).expect(200);
    expect(await onlyEntry()).toMatchObject({ action: 'update', before: { reason: 'Christmas Day' }, after: { reason: 'Christmas' } });
    await client.delete(`/api/delinquency-exclusion-dates/${created.id}`).expect(200);
    expect(await onlyEntry()).toMatchObject({ action: 'delete', before: { date: `${year}-12-25` } });
  });
});
