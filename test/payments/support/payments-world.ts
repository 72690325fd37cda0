import { BillingWorld } from '../../billing/billing-world';
import { createIsolatedTestApp } from '../../support/isolated-database';
import { createTestApp, TestApp } from '../../support/test-app';
import { StripeTestMode } from '../../../src/dev-tools/stripe-test-mode/stripe-test-mode';

export interface PaymentMethodBody {
  id: number;
  accountId: number;
  type: 'card' | 'bank';
  brand: string | null;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  holderName: string | null;
  accountType: 'checking' | 'savings' | null;
  autopay: boolean;
  stripePaymentMethodId: string;
}

export interface ProcessorPaymentBody {
  id: number;
  accountId: number;
  method: 'card' | 'bank';
  amount: number;
  currency: string;
  date: string;
  status: 'pending' | 'succeeded' | 'failed' | 'refunded';
  failureReason: string | null;
  stripePaymentIntentId: string | null;
  transactionId: number | null;
  receiptUrl: string | null;
  paymentMethod: { id: number; type: string; brand: string | null; last4: string };
}

/**
 * The app wired to stripe-mock through the local Stripe test mode, plus the billing world's
 * helpers: accounts, invoices, the books check, and saved payment methods.
 */
export class PaymentsWorld {
  private constructor(
    readonly sut: TestApp,
    readonly w: BillingWorld,
    readonly stripe: StripeTestMode,
  ) {}

  /** `isolated`: a database of its own, for tests that change what every account feels (closing a period). */
  static async start(opts: { isolated?: boolean } = {}): Promise<PaymentsWorld> {
    const stripe = await StripeTestMode.start({ upstream: process.env.STRIPE_API_BASE });
    const overrides = { STRIPE_API_BASE: stripe.url };
    const sut = opts.isolated ? await createIsolatedTestApp(overrides) : await createTestApp(overrides);
    return new PaymentsWorld(sut, await new BillingWorld(sut).init(), stripe);
  }

  async close(): Promise<void> {
    await this.sut.close();
    await this.stripe.close();
  }

  async savedMethod(accountId: number, paymentMethodId = 'pm_card_visa', extra: Record<string, unknown> = {}): Promise<PaymentMethodBody> {
    const res = await this.w.post(`/api/accounts/${accountId}/payment-methods`, { paymentMethodId, ...extra });
    if (res.status !== 201) throw new Error(`add payment method: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as PaymentMethodBody;
  }

  /** A manual invoice of `amount` on the account, to be paid. */
  async invoice(accountId: number, amount: number): Promise<number> {
    const one = await this.w.service(amount, { kind: 'one_time' });
    const res = await this.w.post('/api/invoices', { accountId, lines: [{ serviceId: one, price: amount }] });
    if (res.status !== 201) throw new Error(`invoice: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as number;
  }

  pay(method: 'card' | 'bank', body: Record<string, unknown>, idempotencyKey: string) {
    return this.w.post(`/api/payments/${method}`, body).set('Idempotency-Key', idempotencyKey);
  }

  async payments(accountId: number): Promise<ProcessorPaymentBody[]> {
    return (await this.w.get(`/api/accounts/${accountId}/processor-payments`).expect(200)).body as ProcessorPaymentBody[];
  }

  async ledgerPayments(accountId: number) {
    return (await this.w.transactions(accountId)).filter((t) => t.kind === 'payment');
  }
}
