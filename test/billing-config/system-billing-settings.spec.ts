import { auditEntries } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { TestApp } from '../support/test-app';
import { Client, insertAccountOfType, insertAccountType, insertService } from './billing-config-fixture';

// Changes the system row, so it runs on a database of its own.
describe('the system billing settings', () => {
  let sut: TestApp;
  let client: Client;
  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    client = new Client(sut, (await sut.admin()).token);
  });
  afterAll(() => sut.close());

  it('start with every setting filled in', async () => {
    const { body } = await client.get('/api/billing-settings').expect(200);
    expect(body).toEqual({
      billingMode: 'fixed',
      billDay: 1,
      invoiceDay: 1,
      billTiming: 'advance',
      autopayDays: 0,
      dueDays: 14,
      graceDays: 7,
      statusSwitchDays: 30,
      daysCountedFrom: 'invoice',
      lateFeeServiceId: null,
      lateFeeKind: 'fixed',
      lateFeeAmount: 0,
      lateFeeRateE4: 0,
      lateFeeMinimumOverdue: 0,
      delinquentStatusId: null,
      delinquencyWeekdays: [1, 2, 3, 4, 5],
      prorateServices: true,
      prorateServiceQuantity: true,
      prorateStatusChange: true,
      prorateBillDayChange: true,
      prorationRounding: 'cent',
      billMode: 'invoice',
      printedInvoice: false,
      emailInvoices: true,
      taxExempt: false,
      invoiceMessage: null,
      restoreStatusOnPayment: true,
      currency: sut.config.CURRENCY,
    });
  });

  it('change only what is sent, record it once, and reach accounts that inherit', async () => {
    const accountId = await insertAccountOfType(sut.db, await insertAccountType(sut.db));
    const lateFee = await insertService(sut.db, 'one_time');
    const { body } = await client
      .put('/api/billing-settings', {
        dueDays: 21,
        lateFeeServiceId: lateFee,
        lateFeeKind: 'percent',
        lateFeeRateE4: 15_000,
        invoiceMessage: '  Thank you  ',
      })
      .expect(200);
    expect(body).toMatchObject({
      dueDays: 21,
      graceDays: 7,
      lateFeeServiceId: lateFee,
      lateFeeKind: 'percent',
      lateFeeRateE4: 15_000,
      invoiceMessage: 'Thank you',
    });
    const entries = await auditEntries(sut.db, client.lastRequestId);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'update',
        entityType: 'billing_settings',
        entityId: 'system',
        before: expect.objectContaining({ dueDays: 14, lateFeeServiceId: null }),
        after: expect.objectContaining({ dueDays: 21, lateFeeServiceId: lateFee }),
      }),
    ]);

    const view = (await client.get(`/api/accounts/${accountId}/billing-config`).expect(200)).body;
    expect(view.effective).toMatchObject({ dueDays: 21, lateFeeServiceId: lateFee, invoiceMessage: 'Thank you' });
    expect(view.sources.dueDays).toBe('system');
  });

  it('let the optional settings be none again', async () => {
    const { body } = await client.put('/api/billing-settings', { lateFeeServiceId: null, invoiceMessage: '' }).expect(200);
    expect(body).toMatchObject({ lateFeeServiceId: null, invoiceMessage: null, dueDays: 21 });
  });
});
