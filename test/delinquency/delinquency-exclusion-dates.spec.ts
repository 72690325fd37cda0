import { createIsolatedTestApp } from '../support/isolated-database';
import { TestApp } from '../support/test-app';
import { DelinquencyWorld } from './delinquency-world';

// Exclusion dates are system-wide, so these run on a database of their own (and may run for every account).
describe('delinquency on exclusion dates', () => {
  let sut: TestApp;
  let w: DelinquencyWorld;

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    w = await new DelinquencyWorld(sut).init();
  });
  afterAll(() => sut.close());
  // Sessions age by the mocked clock, so each test starts by logging in on a day of its scenario.
  beforeEach(() => w.today('2026-03-01'));
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('does nothing on an exclusion date, and catches up the next day', async () => {
    const lateFeeServiceId = await w.lateFeeService();
    const { accountId, invoice } = await w.overdueAccount(10000, { lateFeeServiceId, lateFeeAmount: 500 });
    await w.post('/api/delinquency-exclusion-dates', { date: '2026-03-24', reason: 'Storm day' }).expect(201);

    expect(await w.run('2026-03-24')).toEqual({
      date: '2026-03-24',
      invoicesMarked: 0,
      lateFees: [],
      accountsSwitched: 0,
      skipped: [{ accountId, reason: 'exclusion_date' }],
    });
    expect(await w.delinquent(invoice.id)).toBe(false);

    expect(await w.run('2026-03-25')).toMatchObject({ invoicesMarked: 1, lateFees: [expect.objectContaining({ amount: 500 })] });
  });

  it('does nothing on the day of a yearly exclusion, whatever year it was entered in', async () => {
    const { accountId, invoice } = await w.overdueAccount(10000);
    const created = await w.post('/api/delinquency-exclusion-dates', { date: '2020-03-26', reason: 'Founders day', repeatsYearly: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ date: '2020-03-26', repeatsYearly: true });
    // a one-off exclusion of another year does not repeat
    await w.post('/api/delinquency-exclusion-dates', { date: '2025-03-27' }).expect(201);

    const excluded = await w.run('2026-03-26');
    expect(excluded.invoicesMarked).toBe(0);
    // every account with open invoices is skipped, the earlier test's one included
    expect(excluded.skipped).toContainEqual({ accountId, reason: 'exclusion_date' });
    expect(await w.delinquent(invoice.id)).toBe(false);
    expect(await w.run('2026-03-27')).toMatchObject({ invoicesMarked: 1, skipped: [] });
  });

  it('restores the status on payment by default (system setting on)', async () => {
    const { body } = await w.get('/api/billing-settings').expect(200);
    expect(body.restoreStatusOnPayment).toBe(true);
  });
});
