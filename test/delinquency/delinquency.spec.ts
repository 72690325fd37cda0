import { createTestApp, TestApp } from '../support/test-app';
import { DelinquencyWorld } from './delinquency-world';

/** Delinquency on the shared database, every run narrowed to the test's own accounts; figures computed by hand. */
describe('delinquency', () => {
  let sut: TestApp;
  let w: DelinquencyWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new DelinquencyWorld(sut).init();
  });
  afterAll(() => sut.close());
  // Sessions age by the mocked clock, so each test starts by logging in on a day of its scenario.
  beforeEach(() => w.today('2026-03-01'));
  afterEach(() => {
    jest.restoreAllMocks();
  });

  async function overdue(amount: number, settings: Record<string, unknown> = {}) {
    const made = await w.overdueAccount(amount, settings);
    return made;
  }

  it('marks an invoice delinquent only once the grace days are over', async () => {
    const { accountId, invoice } = await overdue(10000);
    expect(invoice).toMatchObject({ dueDate: '2026-03-15', total: 10000 });
    expect(await w.delinquent(invoice.id)).toBe(false);

    // due 2026-03-15 + 7 grace days = 2026-03-22: still within grace that day
    expect(await w.run('2026-03-22', [accountId])).toMatchObject({ invoicesMarked: 0, lateFees: [], skipped: [] });
    expect(await w.delinquent(invoice.id)).toBe(false);

    expect(await w.run('2026-03-23', [accountId])).toMatchObject({ invoicesMarked: 1, lateFees: [], accountsSwitched: 0 });
    expect(await w.delinquent(invoice.id)).toBe(true);
  });

  it.each([
    { kind: 'fixed 500', settings: { lateFeeKind: 'fixed', lateFeeAmount: 500 }, amount: 12345, fee: 500 },
    // 12345 × 1.5 % = 185.175 → 185
    { kind: 'percent 1.5 %', settings: { lateFeeKind: 'percent', lateFeeRateE4: 15000 }, amount: 12345, fee: 185 },
    // 2500 overdue is exactly the minimum
    { kind: 'at the minimum', settings: { lateFeeKind: 'fixed', lateFeeAmount: 500, lateFeeMinimumOverdue: 2500 }, amount: 2500, fee: 500 },
  ])('charges a late fee: $kind → $fee', async ({ settings, amount, fee }) => {
    const lateFeeServiceId = await w.lateFeeService();
    const { accountId, invoice } = await overdue(amount, { lateFeeServiceId, ...settings });
    const summary = await w.run('2026-03-23', [accountId]);
    expect(summary.invoicesMarked).toBe(1);
    expect(summary.lateFees).toEqual([{ invoiceId: invoice.id, transactionId: expect.any(Number), amount: fee }]);
    const fees = (await w.transactions(accountId)).filter((t) => t.description.startsWith('Late fee'));
    expect(fees).toEqual([
      expect.objectContaining({ kind: 'debit', side: 'debit', amount: fee, invoiceId: null, description: `Late fee on ${invoice.number}` }),
    ]);
    // the fee waits for the next invoice: due now stays the invoice, the balance grows by the fee
    expect(await w.figures(accountId)).toMatchObject({ dueNow: amount, uninvoiced: fee });
  });

  it.each([
    // 2000 overdue is below the 2500 minimum
    { kind: 'below the minimum', settings: { lateFeeKind: 'fixed', lateFeeAmount: 500, lateFeeMinimumOverdue: 2500 }, amount: 2000 },
    // 1 × 1.5 % = 0.015 → 0
    { kind: 'a percent rounding to nothing', settings: { lateFeeKind: 'percent', lateFeeRateE4: 15000 }, amount: 1 },
    { kind: 'no late fee service', settings: { lateFeeServiceId: null, lateFeeAmount: 500 }, amount: 10000 },
  ])('charges no late fee for $kind, but still marks the invoice', async ({ settings, amount }) => {
    const lateFeeServiceId = await w.lateFeeService();
    const { accountId } = await overdue(amount, { lateFeeServiceId, ...settings });
    expect(await w.run('2026-03-23', [accountId])).toMatchObject({ invoicesMarked: 1, lateFees: [] });
    expect((await w.transactions(accountId)).filter((t) => t.description.startsWith('Late fee'))).toEqual([]);
  });

  it('charges the late fee through a debit adjustment service as an adjustment, with its taxes', async () => {
    const tax = await w.tax(82500); // 8.25 %
    const lateFeeServiceId = await w.service(100, { kind: 'adjustment', adjustmentSide: 'debit', taxIds: [tax] });
    const { accountId } = await overdue(5000, { lateFeeServiceId, lateFeeKind: 'fixed', lateFeeAmount: 500 });
    await w.run('2026-03-23', [accountId]);
    const [fee] = (await w.transactions(accountId)).filter((t) => t.description.startsWith('Late fee'));
    // 500 × 8.25 % = 41.25 → 41
    expect(fee).toMatchObject({ kind: 'adjustment', side: 'debit', amount: 500, taxAmount: 41, total: 541 });
  });

  it('is safe to run twice for the same day: one fee, nothing marked again', async () => {
    const lateFeeServiceId = await w.lateFeeService();
    const { accountId } = await overdue(10000, { lateFeeServiceId, lateFeeKind: 'fixed', lateFeeAmount: 500 });
    const first = await w.run('2026-03-23', [accountId]);
    const second = await w.run('2026-03-23', [accountId]);
    const third = await w.run('2026-03-24', [accountId]);
    expect(first).toMatchObject({ invoicesMarked: 1, lateFees: [expect.objectContaining({ amount: 500 })] });
    expect(second).toMatchObject({ invoicesMarked: 0, lateFees: [], accountsSwitched: 0 });
    expect(third).toMatchObject({ invoicesMarked: 0, lateFees: [], accountsSwitched: 0 });
    expect((await w.transactions(accountId)).filter((t) => t.description.startsWith('Late fee'))).toHaveLength(1);
  });

  it('switches the status after the status-switch days and remembers the previous one', async () => {
    const delinquentStatusId = await w.status(true);
    const { accountId } = await overdue(10000, { delinquentStatusId });
    const before = await w.statusOf(accountId);

    // 2026-03-15 + 7 grace + 10 switch days = 2026-04-01: not yet that day
    expect(await w.run('2026-03-23', [accountId])).toMatchObject({ invoicesMarked: 1, accountsSwitched: 0 });
    expect(await w.run('2026-04-01', [accountId])).toMatchObject({ accountsSwitched: 0 });
    expect(await w.statusOf(accountId)).toBe(before);

    expect(await w.run('2026-04-02', [accountId])).toMatchObject({ accountsSwitched: 1 });
    expect(await w.statusOf(accountId)).toBe(delinquentStatusId);
    expect(await w.switchRecord(accountId)).toEqual({ previousStatusId: before, statusId: delinquentStatusId, switchedOn: '2026-04-02' });
    expect(await w.run('2026-04-03', [accountId])).toMatchObject({ accountsSwitched: 0 });
  });

  it('leaves a disconnected account in its disconnect status while still marking what it owes', async () => {
    const delinquentStatusId = await w.status(true);
    const { accountId } = await overdue(10000, { delinquentStatusId });
    const gone = await sut.db.query('INSERT INTO account_statuses (name, counts_as_active, is_delinquency) VALUES (?, 0, 0)', [
      `Gone ${accountId}`,
    ]);
    await w.post(`/api/accounts/${accountId}/disconnect`, { statusId: Number(gone.insertId) }).expect(201);

    expect(await w.run('2026-04-02', [accountId])).toMatchObject({ invoicesMarked: 1, accountsSwitched: 0 });
    expect(await w.statusOf(accountId)).toBe(Number(gone.insertId));
  });

  it('skips the account on a weekday it does not allow', async () => {
    const lateFeeServiceId = await w.lateFeeService();
    const delinquentStatusId = await w.status(true);
    const { accountId, invoice } = await overdue(10000, {
      lateFeeServiceId,
      lateFeeAmount: 500,
      delinquentStatusId,
      delinquencyWeekdays: [1, 2, 3, 4, 5],
    });
    const status = await w.statusOf(accountId);
    // 2026-04-04 is a Saturday, long past grace and switch days
    expect(await w.run('2026-04-04', [accountId])).toEqual({
      date: '2026-04-04',
      invoicesMarked: 0,
      lateFees: [],
      accountsSwitched: 0,
      skipped: [{ accountId, reason: 'weekday' }],
    });
    expect(await w.delinquent(invoice.id)).toBe(false);
    expect(await w.statusOf(accountId)).toBe(status);
    // the Monday after, everything happens at once
    expect(await w.run('2026-04-06', [accountId])).toMatchObject({ invoicesMarked: 1, accountsSwitched: 1, skipped: [] });
  });

  it('gives the previous status back once the overdue amount is paid', async () => {
    const lateFeeServiceId = await w.lateFeeService();
    const delinquentStatusId = await w.status(true);
    const { accountId, invoice } = await overdue(10000, { lateFeeServiceId, lateFeeAmount: 500, delinquentStatusId });
    const before = await w.statusOf(accountId);
    await w.run('2026-04-02', [accountId]);
    expect(await w.statusOf(accountId)).toBe(delinquentStatusId);

    await w.pay(accountId, 4000, '2026-04-03');
    expect(await w.statusOf(accountId)).toBe(delinquentStatusId); // 6000 still overdue

    await w.pay(accountId, 6000, '2026-04-03');
    expect((await w.invoice(invoice.id)).remaining).toBe(0);
    expect(await w.statusOf(accountId)).toBe(before);
    expect(await w.switchRecord(accountId)).toBeNull();
    // the late fee is still owed, but it is not on a delinquent invoice
    expect(await w.figures(accountId)).toMatchObject({ dueNow: 0, uninvoiced: 500 });
  });

  it('keeps the delinquent status after payment when restoreStatusOnPayment is off', async () => {
    const delinquentStatusId = await w.status(true);
    const { accountId } = await overdue(10000, { delinquentStatusId, restoreStatusOnPayment: false });
    await w.run('2026-04-02', [accountId]);
    await w.pay(accountId, 10000, '2026-04-03');
    expect(await w.statusOf(accountId)).toBe(delinquentStatusId);
    expect(await w.switchRecord(accountId)).toBeNull();
  });

  it('leaves a status someone changed by hand alone when the account pays', async () => {
    const delinquentStatusId = await w.status(true);
    const manual = await w.status(false);
    const { accountId } = await overdue(10000, { delinquentStatusId });
    await w.run('2026-04-02', [accountId]);
    await sut.db.query('UPDATE accounts SET account_status_id = ? WHERE id = ?', [manual, accountId]);
    await w.pay(accountId, 10000, '2026-04-03');
    expect(await w.statusOf(accountId)).toBe(manual);
  });
});
