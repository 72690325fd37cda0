import { Client, Connection } from '@temporalio/client';
import type { AutopayRunSummary } from '../../../workflows/autopay-run.workflow';
import type { AppConfig } from '../../../src/config/app-config';
import { BillingWorld } from '../../billing/billing-world';
import { StripeTestMode } from '../../../src/dev-tools/stripe-test-mode/stripe-test-mode';
import type { PaymentMethodBody, ProcessorPaymentBody } from '../../payments/support/payments-world';
import { createIsolatedTestApp } from '../../support/isolated-database';
import type { TestApp } from '../../support/test-app';
import { startTestWorker } from '../../support/test-worker';

export interface AttemptRow {
  accountId: number;
  date: string;
  amount: number;
  attempt: number;
  status: string;
  reason: string | null;
  processorPaymentId: number | null;
}

/**
 * An app on a database of its own (an autopay run charges every due account it
 * finds), wired to stripe-mock through the local Stripe test mode, with a Temporal client and,
 * unless the test brings its own worker process, a worker in this process.
 */
export class AutopayWorld {
  private constructor(
    readonly sut: TestApp,
    readonly w: BillingWorld,
    readonly stripe: StripeTestMode,
    readonly client: Client,
    private readonly connection: Connection,
    private readonly stopWorker: (() => Promise<void>) | null,
  ) {}

  static async start(opts: { worker?: boolean; config?: Partial<Record<keyof AppConfig, string>> } = {}): Promise<AutopayWorld> {
    const stripe = await StripeTestMode.start({ upstream: process.env.STRIPE_API_BASE });
    const sut = await createIsolatedTestApp({ STRIPE_API_BASE: stripe.url, ...opts.config });
    const worker = opts.worker === false ? null : await startTestWorker(sut);
    const connection = await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS });
    const client = new Client({ connection, namespace: sut.config.TEMPORAL_NAMESPACE });
    return new AutopayWorld(sut, await new BillingWorld(sut).init(), stripe, client, connection, worker?.stop ?? null);
  }

  async close(): Promise<void> {
    await this.stopWorker?.();
    await this.connection.close();
    await this.sut.close();
    await this.stripe.close();
  }

  /** An account whose invoices come due for autopay `autopayDays` after their date. */
  account(autopayDays: number): Promise<number> {
    return this.w.account({ autopayDays });
  }

  async autopayMethod(accountId: number, token = 'pm_card_visa'): Promise<PaymentMethodBody> {
    const res = await this.w.post(`/api/accounts/${accountId}/payment-methods`, { paymentMethodId: token, autopay: true });
    if (res.status !== 201) throw new Error(`add payment method: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as PaymentMethodBody;
  }

  /** A manual invoice of `amount`, dated today. */
  async invoice(accountId: number, amount: number): Promise<number> {
    const one = await this.w.service(amount, { kind: 'one_time' });
    const res = await this.w.post('/api/invoices', { accountId, lines: [{ serviceId: one, price: amount }] });
    if (res.status !== 201) throw new Error(`invoice: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as number;
  }

  /** Starts the run of a date through the API. */
  async startRun(date: string): Promise<{ workflowId: string; started: boolean }> {
    return (await this.w.post('/api/autopay-runs', { date }).expect(202)).body as { workflowId: string; started: boolean };
  }

  /** Starts the run of a date through the API and waits for it. */
  async run(date: string): Promise<AutopayRunSummary> {
    const { workflowId } = await this.startRun(date);
    return (await this.client.workflow.getHandle(workflowId).result()) as AutopayRunSummary;
  }

  async attempts(accountId: number): Promise<AttemptRow[]> {
    const rows: Record<string, unknown>[] = await this.sut.db.query(
      `SELECT account_id, DATE_FORMAT(run_date, '%Y-%m-%d') AS run_date, amount, attempt, status, reason, processor_payment_id
         FROM autopay_attempts WHERE account_id = ? ORDER BY run_date`,
      [accountId],
    );
    return rows.map((r) => ({
      accountId: Number(r.account_id),
      date: r.run_date as string,
      amount: Number(r.amount),
      attempt: Number(r.attempt),
      status: r.status as string,
      reason: (r.reason as string | null) ?? null,
      processorPaymentId: r.processor_payment_id === null ? null : Number(r.processor_payment_id),
    }));
  }

  async payments(accountId: number): Promise<ProcessorPaymentBody[]> {
    return (await this.w.get(`/api/accounts/${accountId}/processor-payments`).expect(200)).body as ProcessorPaymentBody[];
  }

  /** What the account still owes on its invoices. */
  async owed(accountId: number): Promise<number> {
    const [row]: { owed: string }[] = await this.sut.db.query(
      'SELECT COALESCE(SUM(total - paid), 0) AS owed FROM invoices WHERE account_id = ? AND is_void = 0',
      [accountId],
    );
    return Number(row.owed);
  }

  /** PaymentIntents asked of Stripe for the account. */
  intentsFor(accountId: number) {
    return this.stripe
      .callsTo('POST /v1/payment_intents')
      .filter((c) => c.path === '/v1/payment_intents' && c.params.get('metadata[backhaul_account_id]') === String(accountId));
  }
}
