import { FamilyLockService } from '../../src/billing/family-lock.service';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { InvoiceBatchService } from '../../src/billing/invoice-batch.service';
import { transactionWithRetry } from '../../src/database/transaction';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/** The numeric part of INV-0000042. */
const seq = (number: string): number => {
  const m = /^INV-(\d+)$/.exec(number);
  if (!m) throw new Error(`not an invoice number: ${number}`);
  return Number(m[1]);
};

/**
 * Invoice numbers are one unbroken sequence in issue order: previews, failed and
 * retried batches, and invoices issued side by side take no number they do not keep.
 * The sequence is instance-wide, so this runs on a database of its own.
 */
describe('invoice numbers', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let monthly: number;

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    w = await new BillingWorld(sut).init();
    await w.today('2026-06-10');
    monthly = await w.service(3000);
  }, 120_000);
  afterAll(() => sut.close());

  const billable = async (): Promise<number> => {
    const id = await w.account();
    await w.addService(id, monthly, '2026-06-10', { prorate: false });
    return id;
  };
  /** Every number issued so far, in numeric order. */
  const issued = async (): Promise<number[]> =>
    ((await sut.db.query('SELECT number FROM invoices WHERE number IS NOT NULL')) as { number: string }[])
      .map((r) => seq(r.number))
      .sort((a, b) => a - b);
  const expectUnbroken = async () => {
    const numbers = await issued();
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const report = await sut.app.get(InvariantCheckerService).check('2099-12-31');
    expect(report.mismatches).toEqual([]);
  };

  it('a preview of many accounts takes no number: the next invoice follows the last one', async () => {
    const first = await billable();
    const { invoice: before } = await w.generate(first, '2026-07-01');
    const accounts = [];
    for (let i = 0; i < 12; i++) accounts.push(await billable());
    const preview = await w.post('/api/bill-runs/preview', { date: '2026-07-01', accountIds: accounts }).expect(200);
    expect(preview.body).toHaveLength(12);
    const { invoice: after } = await w.generate(accounts[0], '2026-07-01');
    expect(seq(after!.number)).toBe(seq(before!.number) + 1);
    await expectUnbroken();
  });

  it('a batch that fails before its commit gives its numbers back, and its retry numbers on from the last one', async () => {
    const accounts = [await billable(), await billable(), await billable()];
    const highest = Math.max(...(await issued()));
    const crash = new Error('worker lost mid-batch');
    await expect(
      transactionWithRetry(sut.db, async (em) => {
        const parents = await sut.app.get(FamilyLockService).lockMany(em, accounts);
        const outcome = await sut.app.get(InvoiceBatchService).invoiceFamilies(em, accounts, '2026-07-01', parents);
        expect([...outcome.invoices.values()].every((inv) => inv.created)).toBe(true);
        throw crash;
      }),
    ).rejects.toBe(crash);
    expect(await sut.db.query('SELECT id FROM invoices WHERE account_id IN (?)', [accounts])).toEqual([]);

    // The retry, then the same batch again as a replay would: it finds its invoices and takes nothing more.
    for (let attempt = 0; attempt < 2; attempt++) {
      await transactionWithRetry(sut.db, async (em) => {
        const parents = await sut.app.get(FamilyLockService).lockMany(em, accounts);
        await sut.app.get(InvoiceBatchService).invoiceFamilies(em, accounts, '2026-07-01', parents);
      });
    }
    const rows: { account_id: number; number: string }[] = await sut.db.query(
      'SELECT account_id, number FROM invoices WHERE account_id IN (?) ORDER BY account_id',
      [accounts],
    );
    expect(rows.map((r) => seq(r.number))).toEqual([highest + 1, highest + 2, highest + 3]);
    await expectUnbroken();
  });

  it('invoices issued side by side take consecutive numbers, in the order they were issued', async () => {
    const accounts = [];
    for (let i = 0; i < 10; i++) accounts.push(await billable());
    const one = await w.service(1500, { kind: 'one_time' });
    const highest = Math.max(...(await issued()));
    const results = await Promise.all([
      ...accounts.map((id) => w.post(`/api/accounts/${id}/invoices/generate`, { billingDate: '2026-07-01' })),
      ...accounts.map((id) => w.post('/api/invoices', { accountId: id, lines: [{ serviceId: one, price: 1500 }] })),
    ]);
    expect(results.map((r) => r.status)).toEqual([...Array(10).fill(200), ...Array(10).fill(201)]);
    const rows: { number: string; issued_at: Date }[] = await sut.db.query(
      'SELECT number, issued_at FROM invoices WHERE account_id IN (?) ORDER BY sequence_no',
      [accounts],
    );
    expect(rows.map((r) => seq(r.number))).toEqual(Array.from({ length: 20 }, (_, i) => highest + 1 + i));
    const times = rows.map((r) => new Date(r.issued_at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    await expectUnbroken();
  });

  it('a deleted hand-made invoice keeps its number on record as withdrawn; the next invoice does not reuse it', async () => {
    const account = await billable();
    const one = await w.service(990, { kind: 'one_time' });
    const made = (await w.post('/api/invoices', { accountId: account, lines: [{ serviceId: one, price: 990 }] }).expect(201)).body;
    await w.delete(`/api/invoices/${made.id}`).expect(204);
    const [withdrawn] = await sut.db.query('SELECT number, account_id FROM invoice_number_withdrawals WHERE invoice_id = ?', [made.id]);
    expect(withdrawn).toMatchObject({ number: made.number, account_id: account });
    const next = (await w.post('/api/invoices', { accountId: account, includeUninvoiced: true }).expect(201)).body;
    expect(seq(next.number)).toBe(seq(made.number) + 1);
    const report = await sut.app.get(InvariantCheckerService).check('2099-12-31');
    expect(report.mismatches).toEqual([]);
  });

  it('the books check names the rule when a number is missing, doubled or out of issue order', async () => {
    const checker = sut.app.get(InvariantCheckerService);
    const account = await billable();
    const { invoice } = await w.generate(account, '2026-07-01');
    const n = seq(invoice!.number);
    const numbering = async () => (await checker.check('2099-12-31', [account])).mismatches.filter((m) => m.check === 'invoice.numbering');
    expect(await numbering()).toEqual([]);

    // A hole: the last invoice's number moved one further on, as if a number had been skipped.
    await sut.db.query('UPDATE invoices SET sequence_no = ?, number = ? WHERE id = ?', [
      n + 1,
      `INV-${String(n + 1).padStart(7, '0')}`,
      invoice!.id,
    ]);
    await sut.db.query('UPDATE invoice_number_counter SET next_number = next_number + 1');
    expect(await numbering()).toEqual([
      expect.objectContaining({ entity: 'invoice numbers', actual: `missing INV-${String(n).padStart(7, '0')}` }),
    ]);

    // Issued out of order: a later number stamped as issued before the one ahead of it.
    await sut.db.query('UPDATE invoices SET sequence_no = ?, number = ? WHERE id = ?', [n, invoice!.number, invoice!.id]);
    await sut.db.query('UPDATE invoice_number_counter SET next_number = next_number - 1');
    await sut.db.query('UPDATE invoices SET issued_at = ? WHERE id = ?', [new Date('2000-01-01T00:00:00Z'), invoice!.id]);
    expect(await numbering()).toEqual([expect.objectContaining({ expected: 'numbers in the order invoices were issued' })]);
    await sut.db.query('UPDATE invoices SET issued_at = CURRENT_TIMESTAMP(3) WHERE id = ?', [invoice!.id]);

    // An invoice that was never issued.
    await sut.db.query('UPDATE invoices SET sequence_no = NULL, number = NULL WHERE id = ?', [invoice!.id]);
    await sut.db.query('UPDATE invoice_number_counter SET next_number = next_number - 1');
    expect(await numbering()).toEqual([expect.objectContaining({ entity: `invoice ${invoice!.id}`, accountId: account, actual: 'none' })]);

    // Put back as issued, and the rule is quiet again.
    await sut.db.query('UPDATE invoices SET sequence_no = ?, number = ? WHERE id = ?', [n, invoice!.number, invoice!.id]);
    await sut.db.query('UPDATE invoice_number_counter SET next_number = next_number + 1');
    expect(await numbering()).toEqual([]);
  });
});
