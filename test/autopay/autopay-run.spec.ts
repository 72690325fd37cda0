import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { ensureAutopaySchedule } from '../../src/autopay/autopay-schedule';
import { scheduleIds } from '../../workflows/shared';
import { autopayRunWorkflow, dailyAutopayWorkflow } from '../../workflows/autopay-run.workflow';
import { AutopayWorld } from './support/autopay-world';

const INVOICED = '2026-05-04';
const AUTOPAY_DATE = '2026-05-07';

/**
 * The autopay run of a date charges every account with an invoice due for autopay,
 * once, for its whole balance due; running that date again charges nobody twice.
 */
describe('autopay run', () => {
  let world: AutopayWorld;

  beforeAll(async () => {
    world = await AutopayWorld.start();
  }, 120_000);
  afterAll(() => world?.close());

  it('charges each due account once for its balance due, pays its invoices, and charges nobody again when run twice', async () => {
    const { w, sut } = world;
    await w.today(INVOICED);
    const due = [await world.account(3), await world.account(3), await world.account(0)];
    const amounts = [5000, 1234, 990];
    for (const [i, account] of due.entries()) {
      await world.invoice(account, amounts[i]);
      await world.autopayMethod(account);
    }
    // Two invoices on one account: the charge is their sum.
    await world.invoice(due[0], 700);
    amounts[0] += 700;
    const notYet = await world.account(10);
    await world.invoice(notYet, 4000);
    await world.autopayMethod(notYet);
    const noAutopay = await world.account(3);
    await world.invoice(noAutopay, 2500);

    const summary = await world.run(AUTOPAY_DATE);
    expect(summary).toMatchObject({ date: AUTOPAY_DATE, charged: 3, failed: 0, chargedTotal: amounts.reduce((a, b) => a + b, 0) });

    for (const [i, account] of due.entries()) {
      const attempts = await world.attempts(account);
      expect(attempts).toMatchObject([{ date: AUTOPAY_DATE, amount: amounts[i], attempt: 1, status: 'succeeded', reason: null }]);
      const payments = await world.payments(account);
      expect(payments).toHaveLength(1);
      expect(payments[0]).toMatchObject({
        id: attempts[0].processorPaymentId,
        amount: amounts[i],
        status: 'succeeded',
        date: AUTOPAY_DATE,
      });
      const [row] = await sut.db.query('SELECT idempotency_key FROM processor_payments WHERE id = ?', [payments[0].id]);
      expect(row.idempotency_key).toBe(`autopay-${AUTOPAY_DATE}-${account}`);
      expect(world.intentsFor(account)).toHaveLength(1);
      expect(await world.owed(account)).toBe(0);
    }
    for (const account of [notYet, noAutopay]) {
      expect(await world.attempts(account)).toEqual([]);
      expect(await world.payments(account)).toEqual([]);
    }

    // The run's history, kept for the replay test when asked to (RECORD_AUTOPAY_HISTORY=<file>).
    const history = await world.client.workflow.getHandle(`autopay-run/${AUTOPAY_DATE}`).fetchHistory();
    expect(history.events?.length).toBeGreaterThan(5);
    if (process.env.RECORD_AUTOPAY_HISTORY) writeFileSync(process.env.RECORD_AUTOPAY_HISTORY, historyToJSON(history));

    // Started again through the API: the run of the date is found, not started.
    expect(await world.startRun(AUTOPAY_DATE)).toEqual({ workflowId: `autopay-run/${AUTOPAY_DATE}`, started: false });
    // The same date run again by hand under another workflow id (an operator's reset): nobody is charged twice.
    const again = await world.client.workflow.execute(autopayRunWorkflow, {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId: `autopay-run/${AUTOPAY_DATE}/again`,
      args: [{ date: AUTOPAY_DATE, startedBy: null }],
    });
    expect(again).toMatchObject({ charged: 0, failed: 0 });
    // What the morning schedule starts finds the date's run already there.
    const daily = await world.client.workflow.execute(dailyAutopayWorkflow, {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId: `daily-autopay-test-${AUTOPAY_DATE}`,
      args: [{ timeZone: 'UTC', date: AUTOPAY_DATE }],
    });
    expect(daily).toEqual({ date: AUTOPAY_DATE, started: false });
    for (const account of due) {
      expect(await world.payments(account)).toHaveLength(1);
      expect(world.intentsFor(account)).toHaveLength(1);
    }

    // Through the API: the run with its attempts.
    const list = await w.get('/api/autopay-runs').expect(200);
    expect(list.body).toHaveLength(1);
    const run = await w.get(`/api/autopay-runs/${list.body[0].id}`).expect(200);
    expect(run.body).toMatchObject({ runDate: AUTOPAY_DATE, status: 'completed', attempts: 3, succeeded: 3, failed: 0 });
    expect(run.body.attemptList.map((a: { accountId: number }) => a.accountId)).toEqual(due);

    await w.expectBooksBalance([...due, notYet, noAutopay]);
  }, 120_000);

  it('keeps one account’s refusal its own: a method removed while its charge was begun fails that account, the batch charges the rest', async () => {
    const { w, sut } = world;
    const date = '2026-06-10';
    await w.today('2026-06-06');
    const due = [await world.account(3), await world.account(3), await world.account(3)];
    const methods = [];
    for (const account of due) {
      await world.invoice(account, 2100);
      methods.push(await world.autopayMethod(account));
    }
    // What a worker that died right after writing one attempt leaves, and the clerk then removing that card.
    const [left, ...others] = due;
    const { insertId: runId } = await sut.db.query(
      "INSERT INTO autopay_runs (run_date, workflow_id) VALUES (?, 'autopay-run/2026-06-10')",
      [date],
    );
    await sut.db.query(
      `INSERT INTO autopay_attempts (autopay_run_id, account_id, run_date, payment_method_id, method, amount, attempt, first_attempt_date)
       VALUES (?, ?, ?, ?, 'card', 2100, 1, ?)`,
      [runId, left, date, methods[0].id, date],
    );
    await w.delete(`/api/accounts/${left}/payment-methods/${methods[0].id}`).expect(200);

    // The first test's account still owing is due on this date too, and is charged with the others.
    const summary = await world.run(date);
    expect(summary).toMatchObject({ charged: others.length + 1, failed: 1 });
    const [attempt] = await world.attempts(left);
    expect(attempt).toMatchObject({ date, status: 'failed', processorPaymentId: null });
    expect(attempt.reason).toContain(`has no saved payment method ${methods[0].id}`);
    expect(await world.payments(left)).toEqual([]);
    expect(world.intentsFor(left)).toEqual([]);
    for (const account of others) {
      expect(await world.attempts(account)).toMatchObject([{ date, status: 'succeeded', amount: 2100 }]);
      expect(world.intentsFor(account)).toHaveLength(1);
      expect(await world.owed(account)).toBe(0);
    }
    await w.expectBooksBalance(due);
  }, 120_000);

  it('continues as new between batches on a long run, carrying its place and totals, and charges each account once', async () => {
    const { w, sut, client } = world;
    const date = '2026-05-27';
    await w.today('2026-05-24');
    const due = [await world.account(3), await world.account(3), await world.account(3)];
    for (const account of due) {
      await world.invoice(account, 1500);
      await world.autopayMethod(account);
    }
    const handle = await client.workflow.start(autopayRunWorkflow, {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId: `autopay-run/${date}`,
      args: [{ date, startedBy: null, batchSize: 1, batchesPerExecution: 2 }],
    });
    const summary = await handle.result();
    for (const account of due) {
      expect(await world.attempts(account)).toMatchObject([{ date, amount: 1500, status: 'succeeded' }]);
      expect(world.intentsFor(account)).toHaveLength(1);
    }
    // One run row for the date however many executions it took, and totals carried across them.
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM autopay_runs WHERE run_date = ?', [date]);
    expect(Number(n)).toBe(1);
    expect(summary.charged).toBeGreaterThanOrEqual(due.length);
    expect(summary.batches).toBe(summary.accounts);
    const first = await client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).fetchHistory();
    const last = first.events?.[first.events.length - 1];
    expect(last?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    await w.expectBooksBalance(due);
  }, 120_000);

  it('is one schedule at 06:00 in the billing time zone, however often set-up runs', async () => {
    const { client, sut } = world;
    try {
      await ensureAutopaySchedule(client, sut.config);
      await ensureAutopaySchedule(client, sut.config);
      const schedule = await client.schedule.getHandle(scheduleIds.dailyAutopay).describe();
      expect(schedule.spec.timezone).toBe(sut.config.BILLING_TIME_ZONE);
      expect(schedule.spec.calendars?.[0]).toMatchObject({
        hour: [{ start: 6, end: 6, step: 1 }],
        minute: [{ start: 0, end: 0, step: 1 }],
      });
      expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'dailyAutopayWorkflow' });
    } finally {
      await client.schedule
        .getHandle(scheduleIds.dailyAutopay)
        .delete()
        .catch(() => undefined);
    }
  });

  it('refuses a date that is not a date, naming the field, and starts nothing', async () => {
    const res = await world.w.post('/api/autopay-runs', { date: '2026-13-45' }).expect(400);
    expect(JSON.stringify(res.body)).toContain('date');
    const [{ n }] = await world.sut.db.query("SELECT COUNT(*) AS n FROM autopay_runs WHERE run_date = '2026-05-08'");
    expect(Number(n)).toBe(0);
  });
});
