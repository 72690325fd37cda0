import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { ensureSchedules } from '../../src/schedules';
import { dailyBillingWorkflow } from '../../workflows/daily-billing.workflow';
import { workflowIds } from '../../workflows/shared';
import { BillingWorld } from '../billing/billing-world';
import type { TestApp } from '../support/test-app';
import { isolatedTemporalApp } from './isolated-temporal-app';

describe('the nightly billing', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sut, client, close } = await isolatedTemporalApp());
    w = await new BillingWorld(sut).init();
  });
  afterAll(async () => {
    await client.schedule
      .getHandle(workflowIds.dailyBilling)
      .delete()
      .catch(() => undefined);
    // Set-up also started the long-lived email dispatcher on this suite's task queue.
    await client.workflow
      .getHandle(workflowIds.emailDispatcher(sut.config.TEMPORAL_TASK_QUEUE))
      .terminate('test over')
      .catch(() => undefined);
    await close();
  });

  it('is one schedule at 00:15 in the billing time zone, however often set-up runs', async () => {
    await ensureSchedules(client, sut.config);
    await ensureSchedules(client, sut.config);
    const schedule = await client.schedule.getHandle(workflowIds.dailyBilling).describe();
    expect(schedule.spec.timezone).toBe(sut.config.BILLING_TIME_ZONE);
    expect(schedule.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 0, end: 0, step: 1 }],
      minute: [{ start: 15, end: 15, step: 1 }],
    });
    expect(schedule.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'dailyBillingWorkflow',
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      memo: { description: expect.stringMatching(/^Nightly billing: /) },
    });
  });

  it('starts the day’s bill run once, then runs delinquency', async () => {
    // Added after the 7 May run, free until 7 June: the 7 June run is its first, and no earlier period goes unbilled.
    await w.today('2026-06-01');
    const account = await w.account({ invoiceDay: 7 });
    await w.addService(account, await w.service(4200), '2026-06-01', { prorate: false });
    await w.today('2026-06-07');
    const workflowId = `daily-billing-test-${Date.now()}`;
    const first = await client.workflow.execute(dailyBillingWorkflow, {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId,
      args: [{ timeZone: 'UTC', date: '2026-06-07' }],
    });
    expect(first).toEqual({ date: '2026-06-07', billRunStarted: true });
    const run = await client.workflow.getHandle(workflowIds.billRun('2026-06-07')).result();
    expect(run).toMatchObject({ accounts: 1, invoices: 1, invoicedTotal: 4200 });
    const again = await client.workflow.execute(dailyBillingWorkflow, {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId: `${workflowId}-again`,
      args: [{ timeZone: 'UTC', date: '2026-06-07' }],
    });
    expect(again.billRunStarted).toBe(false);
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM invoices WHERE account_id = ?', [account]);
    expect(Number(n)).toBe(1);
    await w.expectBooksBalance([account]);
    if (process.env.RECORD_HISTORIES) {
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      writeFileSync(join(__dirname, '../workflows/histories/daily-billing-nightly-2026-06-07.json'), historyToJSON(history));
    }
  });
});
