import type { ChildProcess } from 'node:child_process';
import { exited, startWorkerProcess, waitUntil } from '../support/processes';
import { AutopayWorld } from './support/autopay-world';

const INVOICED = '2026-09-01';
const AUTOPAY_DATE = '2026-09-04';
const ACCOUNTS = 40;

/**
 * The worker is killed outright in the middle of an autopay run and comes back: the
 * run finishes and every account is charged exactly once, with the books balanced.
 */
describe('autopay run surviving a worker killed with SIGKILL', () => {
  let world: AutopayWorld;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    world = await AutopayWorld.start({ worker: false });
  }, 120_000);

  afterAll(async () => {
    if (worker) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
    await world?.close();
  });

  const workerEnv = () => ({
    DATABASE_URL: world.sut.config.DATABASE_URL,
    TEMPORAL_ADDRESS: world.sut.config.TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: world.sut.config.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: world.sut.config.TEMPORAL_TASK_QUEUE,
    STRIPE_API_BASE: world.stripe.url,
    NODE_ENV: 'test',
  });
  const attemptsFinished = async () =>
    Number((await world.sut.db.query("SELECT COUNT(*) AS n FROM autopay_attempts WHERE status <> 'charging'"))[0].n);
  const chargesAsked = () => world.stripe.callsTo('POST /v1/payment_intents').length;

  it('charges every due account exactly once', async () => {
    const { w, sut } = world;
    await w.today(INVOICED);
    const accounts: number[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const account = await world.account(3);
      await world.invoice(account, 1000 + i);
      await world.autopayMethod(account);
      accounts.push(account);
    }

    // Each charge held a while at the processor, so the kill lands among the batch's charges.
    world.stripe.intentDelayMs = 300;
    worker = await startWorkerProcess(workerEnv());
    const { workflowId } = await world.startRun(AUTOPAY_DATE);
    await waitUntil('a few charges asked of the processor', () => chargesAsked() >= 3, 60_000);
    worker.kill('SIGKILL');
    await exited(worker);
    const askedBeforeRestart = chargesAsked();
    const finishedBeforeRestart = await attemptsFinished();
    world.stripe.intentDelayMs = 0;
    worker = await startWorkerProcess(workerEnv());

    const summary = await world.client.workflow.getHandle(workflowId).result();
    expect(summary).toMatchObject({ failed: 0 });
    // The kill landed inside the run, among its charges, not after it.
    expect(askedBeforeRestart).toBeLessThan(ACCOUNTS);
    expect(finishedBeforeRestart).toBeLessThan(ACCOUNTS);

    const [counts] = await sut.db.query(
      `SELECT
         (SELECT COUNT(*) FROM autopay_attempts WHERE run_date = ? AND status = 'succeeded') AS succeeded,
         (SELECT COUNT(*) FROM (SELECT account_id FROM processor_payments WHERE account_id IN (?) GROUP BY account_id HAVING COUNT(*) <> 1) x)
           AS not_once,
         (SELECT COUNT(*) FROM transactions WHERE kind = 'payment' AND account_id IN (?)) AS ledger_payments,
         (SELECT COALESCE(SUM(total - paid), 0) FROM invoices WHERE account_id IN (?)) AS owed`,
      [AUTOPAY_DATE, accounts, accounts, accounts],
    );
    expect({
      succeeded: Number(counts.succeeded),
      notOnce: Number(counts.not_once),
      ledgerPayments: Number(counts.ledger_payments),
      owed: Number(counts.owed),
    }).toEqual({ succeeded: ACCOUNTS, notOnce: 0, ledgerPayments: ACCOUNTS, owed: 0 });
    // Whatever Stripe was asked again after the kill went under the first request's key.
    for (const account of accounts) {
      expect(new Set(world.intentsFor(account).map((c) => c.idempotencyKey)).size).toBe(1);
    }

    await w.expectBooksBalance(accounts);
  }, 300_000);
});
