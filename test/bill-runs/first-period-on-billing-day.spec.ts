import type { Client } from '@temporalio/client';
import { billRunWorkflow } from '../../workflows/bill-run.workflow';
import { workflowIds } from '../../workflows/shared';
import { BillingWorld } from '../billing/billing-world';
import type { TestApp } from '../support/test-app';
import { isolatedTemporalApp } from './isolated-temporal-app';

/**
 * A service that starts on the account's billing day belongs to the period that
 * begins that day: the run of that day must invoice it, and the next run must not
 * skip past it.
 */
describe('a service starting on the billing day', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sut, client, close } = await isolatedTemporalApp());
    w = await new BillingWorld(sut).init();
  });
  afterAll(async () => {
    await close();
  });

  const billRun = (date: string) =>
    client.workflow.execute(billRunWorkflow, {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId: workflowIds.billRun(date),
      args: [{ date, startedBy: null }],
    });

  it('is invoiced for its first period by that day’s run, and the next run bills the next period only', async () => {
    await w.today('2026-05-01');
    const account = await w.account({ invoiceDay: 1 });
    const service = await w.service(4500);
    await w.addService(account, service, '2026-05-01');

    const first = await billRun('2026-05-01');
    expect(first).toMatchObject({ accounts: 1, invoices: 1, invoicedTotal: 4500 });
    await w.expectBooksBalance([account]);

    await w.today('2026-06-01');
    const second = await billRun('2026-06-01');
    expect(second).toMatchObject({ accounts: 1, invoices: 1, invoicedTotal: 4500 });

    const periods: { period_start: string; period_end: string; amount: string }[] = await sut.db.query(
      `SELECT DATE_FORMAT(period_start, '%Y-%m-%d') AS period_start, DATE_FORMAT(period_end, '%Y-%m-%d') AS period_end, amount
         FROM transactions WHERE account_id = ? AND kind = 'debit' ORDER BY period_start`,
      [account],
    );
    expect(periods.map((p) => [p.period_start, p.period_end, Number(p.amount)])).toEqual([
      ['2026-05-01', '2026-05-31', 4500],
      ['2026-06-01', '2026-06-30', 4500],
    ]);
    await w.expectBooksBalance([account]);
  });
});
