import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { dailyBillingWorkflow } from '../../workflows/daily-billing.workflow';
import { nightlyWorkflow } from '../../workflows/nightly.workflow';
import { workflowIds } from '../../workflows/shared';
import { isolatedTemporalApp } from '../bill-runs/isolated-temporal-app';
import { DelinquencyWorld } from '../delinquency/delinquency-world';
import type { TestApp } from '../support/test-app';

/**
 * The nightly processing stops after the night of 1 June and comes back on 5 June:
 * the night of the 5th first runs the 2nd, 3rd and 4th, in that order, each once.
 */
describe('missed nights are caught up in date order', () => {
  let sut: TestApp;
  let w: DelinquencyWorld;
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sut, client, close } = await isolatedTemporalApp());
    w = await new DelinquencyWorld(sut).init();
  });
  afterAll(() => close());

  async function tonight(date: string) {
    return client.workflow.execute(dailyBillingWorkflow, {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId: `daily-billing-${date}-${Date.now()}`,
      args: [{ timeZone: 'UTC', date }],
    });
  }

  it('runs each missed night once, oldest first, before its own, and leaves the books balanced', async () => {
    const lateFeeServiceId = await w.lateFeeService();
    // Due 15 March with 79 grace days: delinquent from 3 June, inside the gap. A year no other spec bills: bill runs
    // are one workflow per date on the Temporal server the whole suite shares.
    const { accountId: late, invoice: overdue } = await w.overdueAccount(
      10000,
      {
        graceDays: 79,
        lateFeeServiceId,
        lateFeeKind: 'fixed',
        lateFeeAmount: 700,
      },
      '2054-03-01',
    );
    // Services added mid-period without proration are free until their billing day in June, which a missed night bills.
    await w.today('2054-05-15');
    const billed: Record<string, number> = {};
    for (const day of [2, 3, 4]) {
      const account = await w.account({ invoiceDay: day });
      await w.addService(account, await w.service(1000 * day), `2054-05-1${day}`, { prorate: false });
      billed[`2054-06-0${day}`] = account;
    }

    await w.today('2054-06-01');
    expect(await tonight('2054-06-01')).toEqual({ date: '2054-06-01', billRunStarted: true });
    // The worker was down from the 2nd to the 4th; the schedule's next start is the night of the 5th.
    await w.today('2054-06-05');
    expect(await tonight('2054-06-05')).toEqual({ date: '2054-06-05', billRunStarted: true });

    const nights: { run_date: string; caught_up_by: string | null; status: string; started_at: Date; finished_at: Date }[] =
      await sut.db.query(
        `SELECT DATE_FORMAT(run_date, '%Y-%m-%d') AS run_date, DATE_FORMAT(caught_up_by, '%Y-%m-%d') AS caught_up_by, status, started_at, finished_at
           FROM nightly_runs WHERE step = 'nightly' ORDER BY run_date`,
      );
    expect(nights.map((n) => [n.run_date, n.caught_up_by, n.status])).toEqual([
      ['2054-06-01', null, 'completed'],
      ['2054-06-02', '2054-06-05', 'completed'],
      ['2054-06-03', '2054-06-05', 'completed'],
      ['2054-06-04', '2054-06-05', 'completed'],
      ['2054-06-05', null, 'completed'],
    ]);
    // One after the other: each missed night finished before the next began.
    for (let i = 2; i < nights.length - 1; i++) {
      expect(nights[i].started_at.getTime()).toBeGreaterThanOrEqual(nights[i - 1].finished_at.getTime());
    }
    const result = await client.workflow.getHandle(workflowIds.nightly('2054-06-05')).result();
    expect(result).toMatchObject({ caughtUp: ['2054-06-02', '2054-06-03', '2054-06-04'], billRunStarted: true, delinquencyStarted: true });

    // Each missed day was billed and ran delinquency on its own date.
    for (const [date, account] of Object.entries(billed)) {
      const invoices: { invoice_date: string; total: string }[] = await sut.db.query(
        "SELECT DATE_FORMAT(invoice_date, '%Y-%m-%d') AS invoice_date, total FROM invoices WHERE account_id = ?",
        [account],
      );
      expect(invoices.map((i) => [i.invoice_date, Number(i.total)])).toEqual([[date, 1000 * Number(date.slice(-1))]]);
    }
    const fees: { date: string; amount: string }[] = await sut.db.query(
      "SELECT DATE_FORMAT(t.transaction_date, '%Y-%m-%d') AS date, t.amount FROM late_fees f JOIN transactions t ON t.id = f.transaction_id WHERE f.invoice_id = ?",
      [overdue.id],
    );
    expect(fees.map((f) => [f.date, Number(f.amount)])).toEqual([['2054-06-03', 700]]);
    const runs = await sut.db.query(
      "SELECT DATE_FORMAT(run_date, '%Y-%m-%d') AS run_date, status FROM nightly_runs WHERE step = 'delinquency' ORDER BY run_date",
    );
    expect(runs.map((r: { run_date: string }) => r.run_date)).toEqual([
      '2054-06-01',
      '2054-06-02',
      '2054-06-03',
      '2054-06-04',
      '2054-06-05',
    ]);

    // The schedule firing again for the 5th, or a night started by hand for a caught-up day, does nothing.
    expect(await tonight('2054-06-05')).toEqual({ date: '2054-06-05', billRunStarted: false });
    const again = await client.workflow.execute(nightlyWorkflow, {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId: `nightly-again-${Date.now()}`,
      args: [{ date: '2054-06-03', startedBy: null }],
    });
    expect(again).toMatchObject({ alreadyCompleted: true, caughtUp: [], billRunStarted: false });
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM invoices');
    expect(Number(n)).toBe(4);
    const [{ m }] = await sut.db.query('SELECT COUNT(*) AS m FROM nightly_runs');
    expect(Number(m)).toBe(10);

    await w.expectBooksBalance([late, ...Object.values(billed)]);
    if (process.env.RECORD_HISTORIES) {
      const histories = join(__dirname, '../workflows/histories');
      const night = await client.workflow.getHandle(workflowIds.nightly('2054-06-05')).fetchHistory();
      writeFileSync(join(histories, 'nightly-2026-06-05-catching-up.json'), historyToJSON(night));
      const delinquency = await client.workflow.getHandle(workflowIds.delinquencyRun('2054-06-03')).fetchHistory();
      writeFileSync(join(histories, 'delinquency-run-2026-06-03.json'), historyToJSON(delinquency));
    }
  });
});
