import { randomUUID } from 'node:crypto';
import { DelinquencyService } from '../../src/delinquency/delinquency.service';
import { BillingWorld } from '../billing/billing-world';
import type { TestApp } from '../support/test-app';

/** Every weekday allowed, so only the dates under test decide. */
export const ANY_WEEKDAY = [1, 2, 3, 4, 5, 6, 7];

/** BillingWorld plus what delinquency scenarios need: an invoice due on a known day, statuses, runs. */
export class DelinquencyWorld extends BillingWorld {
  constructor(sut: TestApp) {
    super(sut);
  }

  /** An account whose only invoice (INV dated 2026-03-01, due 2026-03-15) holds one charge of `amount`. */
  async overdueAccount(amount: number, settings: Record<string, unknown> = {}, invoicedOn = '2026-03-01') {
    await this.today(invoicedOn);
    const accountId = await this.account({ graceDays: 7, statusSwitchDays: 10, delinquencyWeekdays: ANY_WEEKDAY, ...settings });
    const serviceId = await this.service(amount, { kind: 'one_time' });
    await this.post('/api/transactions/one-time', { accountId, serviceId, date: invoicedOn }).expect(201);
    const { invoice } = await this.generate(accountId, invoicedOn);
    if (!invoice) throw new Error('no invoice was generated');
    return { accountId, invoice };
  }

  async lateFeeService(kind: 'one_time' | 'adjustment' = 'one_time') {
    return this.service(100, { kind, ...(kind === 'adjustment' && { adjustmentSide: 'debit' as const }) });
  }

  async status(isDelinquency: boolean): Promise<number> {
    const res = await this.sut.db.query('INSERT INTO account_statuses (name, is_delinquency) VALUES (?, ?)', [
      `Status ${randomUUID().slice(0, 8)}`,
      isDelinquency ? 1 : 0,
    ]);
    return Number(res.insertId);
  }

  async statusOf(accountId: number): Promise<number> {
    const [row] = await this.sut.db.query('SELECT account_status_id FROM accounts WHERE id = ?', [accountId]);
    return Number(row.account_status_id);
  }

  async delinquent(invoiceId: number): Promise<boolean> {
    const [row] = await this.sut.db.query('SELECT delinquent FROM invoices WHERE id = ?', [invoiceId]);
    return Boolean(Number(row.delinquent));
  }

  async switchRecord(accountId: number) {
    const [row] = await this.sut.db.query(
      "SELECT previous_status_id, status_id, DATE_FORMAT(switched_on, '%Y-%m-%d') AS switched_on FROM account_delinquency WHERE account_id = ?",
      [accountId],
    );
    return row ? { previousStatusId: Number(row.previous_status_id), statusId: Number(row.status_id), switchedOn: row.switched_on } : null;
  }

  /** Runs delinquency for `date` with "today" on that day; `accountIds` keeps it off other test files' accounts. */
  async run(date: string, accountIds?: number[]) {
    await this.today(date);
    return this.sut.app.get(DelinquencyService).runForDate(date, accountIds ? { accountIds } : {});
  }
}
