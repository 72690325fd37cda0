import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import Stripe from 'stripe';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProcessorRefusedException, ProcessorUnavailableException } from './payments.exception';

export type ProcessorMethodType = 'card' | 'bank';
export type BankAccountType = 'checking' | 'savings';

/** What we keep of a Stripe PaymentMethod: enough to recognise it, never its numbers. */
export interface ProcessorPaymentMethod {
  id: string;
  customerId: string | null;
  /** null for a kind of method we do not take (wallets, other countries' debits). */
  type: ProcessorMethodType | null;
  /** The card brand, or the bank's name. */
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  holderName: string | null;
  bankAccountType: BankAccountType | null;
}

export interface ProcessorPaymentIntent {
  id: string;
  status: Stripe.PaymentIntent.Status;
  amount: number;
  currency: string;
  paymentMethodId: string | null;
  metadata: Record<string, string>;
  /** The processor's sentence for the last failed attempt, when there was one. */
  failureReason: string | null;
}

export interface ChargeInput {
  paymentId: number;
  accountId: number;
  method: ProcessorMethodType;
  amount: number;
  currency: string;
  customerId: string;
  paymentMethodId: string;
}

export type ChargeResult =
  { kind: 'intent'; intent: ProcessorPaymentIntent } | { kind: 'declined'; reason: string; intent: ProcessorPaymentIntent | null };

export interface PaymentMethodChanges {
  holderName?: string | null;
  expMonth?: number;
  expYear?: number;
  bankAccountType?: BankAccountType;
}

/** A refund as far as we track it. */
export interface ProcessorRefund {
  id: string;
  /** pending, requires_action, succeeded, failed or canceled. */
  status: string;
  amount: number;
  paymentIntentId: string | null;
  failureReason: string | null;
  metadata: Record<string, string>;
}

export const REFUND_ID_METADATA = 'backhaul_refund_id';

/** A customer's dispute of a payment at their bank. */
export interface ProcessorDispute {
  id: string;
  status: string;
  amount: number;
  reason: string;
  paymentIntentId: string | null;
}

function toRefund(refund: Stripe.Refund): ProcessorRefund {
  return {
    id: refund.id,
    status: refund.status ?? 'pending',
    amount: refund.amount,
    paymentIntentId: typeof refund.payment_intent === 'string' ? refund.payment_intent : (refund.payment_intent?.id ?? null),
    failureReason: refund.failure_reason ?? null,
    metadata: (refund.metadata as Record<string, string> | null) ?? {},
  };
}

/** Metadata on every PaymentIntent we create, so an intent can be traced back to our row. */
export const PAYMENT_ID_METADATA = 'backhaul_payment_id';
export const ACCOUNT_ID_METADATA = 'backhaul_account_id';

/** Longest wait for one Stripe call; a payment's attempt window (processor-payment-rows) is longer. */
export const STRIPE_TIMEOUT_MS = 20_000;

/** The Stripe key derived from our payment row: the same row can never make two charges. */
export const chargeIdempotencyKey = (paymentId: number): string => `payment-${paymentId}`;

/**
 * The one place that talks to Stripe. It builds the client from configuration, sends an
 * idempotency key with every call that changes something (GETs need none), and turns
 * Stripe's objects and errors into our own small types, so that no Stripe error object
 * (which can hold a client secret) ever reaches a log line or a response.
 */
@Injectable()
export class StripeGateway {
  private readonly stripe: Stripe;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectPinoLogger(StripeGateway.name) private readonly logger: PinoLogger,
  ) {
    this.stripe = new Stripe(config.STRIPE_SECRET_KEY, {
      ...endpointOf(config.STRIPE_API_BASE),
      // We retry ourselves, under keys we control; the client's own retries would hide how long a call took.
      maxNetworkRetries: 0,
      timeout: STRIPE_TIMEOUT_MS,
      telemetry: false,
      appInfo: { name: 'Backhaul' },
    });
  }

  async createCustomer(accountId: number, name: string): Promise<string> {
    const customer = await this.call('customers.create', () =>
      this.stripe.customers.create(
        { name: name.slice(0, 256), metadata: { [ACCOUNT_ID_METADATA]: String(accountId) } },
        { idempotencyKey: `customer-account-${accountId}` },
      ),
    );
    return customer.id;
  }

  /** A SetupIntent whose client secret lets Stripe's own elements collect the details. */
  async createSetupIntent(
    customerId: string,
    type: ProcessorMethodType,
    idempotencyKey: string,
  ): Promise<{ id: string; clientSecret: string }> {
    const intent = await this.call('setupIntents.create', () =>
      this.stripe.setupIntents.create(
        { customer: customerId, allowed_payment_method_types: [type === 'card' ? 'card' : 'us_bank_account'], usage: 'off_session' },
        { idempotencyKey },
      ),
    );
    if (!intent.client_secret) throw new ProcessorUnavailableException('The payment processor returned a set-up without a client secret');
    return { id: intent.id, clientSecret: intent.client_secret };
  }

  /** null when Stripe has no such method. */
  async retrievePaymentMethod(id: string): Promise<ProcessorPaymentMethod | null> {
    const method = await this.find('paymentMethods.retrieve', () => this.stripe.paymentMethods.retrieve(id));
    return method && toPaymentMethod(method);
  }

  async attachPaymentMethod(id: string, customerId: string, idempotencyKey: string): Promise<ProcessorPaymentMethod> {
    return toPaymentMethod(
      await this.call(
        'paymentMethods.attach',
        () => this.stripe.paymentMethods.attach(id, { customer: customerId }, { idempotencyKey }),
        'paymentMethodId',
      ),
    );
  }

  async updatePaymentMethod(id: string, changes: PaymentMethodChanges, idempotencyKey: string): Promise<ProcessorPaymentMethod> {
    const params: Stripe.PaymentMethodUpdateParams = {};
    if (changes.holderName !== undefined) params.billing_details = { name: changes.holderName ?? '' };
    if (changes.expMonth !== undefined || changes.expYear !== undefined) {
      params.card = { exp_month: changes.expMonth, exp_year: changes.expYear };
    }
    if (changes.bankAccountType !== undefined) params.us_bank_account = { account_type: changes.bankAccountType };
    return toPaymentMethod(
      await this.call('paymentMethods.update', () => this.stripe.paymentMethods.update(id, params, { idempotencyKey })),
    );
  }

  /** 'gone' when Stripe no longer has it attached anywhere: the end state we wanted anyway. */
  async detachPaymentMethod(id: string, idempotencyKey: string): Promise<'detached' | 'gone'> {
    const detached = await this.find('paymentMethods.detach', () => this.stripe.paymentMethods.detach(id, {}, { idempotencyKey }));
    return detached ? 'detached' : 'gone';
  }

  /**
   * Creates and confirms a PaymentIntent for a saved method, off session (the customer is
   * not at the screen). A decline is an answer, not an error: it comes back as `declined`.
   */
  async charge(input: ChargeInput): Promise<ChargeResult> {
    const params: Stripe.PaymentIntentCreateParams = {
      amount: input.amount,
      currency: input.currency.toLowerCase(),
      customer: input.customerId,
      payment_method: input.paymentMethodId,
      allowed_payment_method_types: [input.method === 'card' ? 'card' : 'us_bank_account'],
      confirm: true,
      off_session: true,
      description: `Backhaul account ${input.accountId}, payment ${input.paymentId}`,
      metadata: { [PAYMENT_ID_METADATA]: String(input.paymentId), [ACCOUNT_ID_METADATA]: String(input.accountId) },
    };
    try {
      const intent = await this.stripe.paymentIntents.create(params, { idempotencyKey: chargeIdempotencyKey(input.paymentId) });
      return { kind: 'intent', intent: toPaymentIntent(intent) };
    } catch (err) {
      if (err instanceof Stripe.errors.StripeCardError) {
        this.warn('paymentIntents.create', err);
        const intent = err.payment_intent ? toPaymentIntent(err.payment_intent) : null;
        return { kind: 'declined', reason: declineReason(err.message, err.decline_code ?? err.code), intent };
      }
      throw this.translate('paymentIntents.create', err);
    }
  }

  /** The intent as Stripe holds it now; null when Stripe has no such intent. */
  async retrievePaymentIntent(id: string): Promise<ProcessorPaymentIntent | null> {
    const intent = await this.find('paymentIntents.retrieve', () => this.stripe.paymentIntents.retrieve(id));
    return intent && toPaymentIntent(intent);
  }

  /**
   * Refunds an amount of a payment. The key is our refund row's, so asking twice (a retried request, a
   * restarted worker) makes one refund. A refusal (already refunded, disputed) is a ProcessorRefusedException.
   */
  async refund(input: { refundId: number; paymentIntentId: string; amount: number; reason?: string }): Promise<ProcessorRefund> {
    const refund = await this.call(
      'refunds.create',
      () =>
        this.stripe.refunds.create(
          {
            payment_intent: input.paymentIntentId,
            amount: input.amount,
            metadata: { [REFUND_ID_METADATA]: String(input.refundId) },
          },
          { idempotencyKey: `refund-${input.refundId}` },
        ),
      'refund',
    );
    return toRefund(refund);
  }

  /** The refund as Stripe holds it now; null when Stripe has no such refund. */
  async retrieveRefund(id: string): Promise<ProcessorRefund | null> {
    const refund = await this.find('refunds.retrieve', () => this.stripe.refunds.retrieve(id));
    return refund && toRefund(refund);
  }

  /** Every PaymentIntent created in [from, to) (Unix seconds), all pages. */
  async listPaymentIntents(from: number, to: number): Promise<ProcessorPaymentIntent[]> {
    const intents: ProcessorPaymentIntent[] = [];
    await this.call('paymentIntents.list', () =>
      this.stripe.paymentIntents.list({ created: { gte: from, lt: to }, limit: 100 }).autoPagingEach((intent) => {
        intents.push(toPaymentIntent(intent));
      }),
    );
    return intents;
  }

  /** The dispute as Stripe holds it now; null when Stripe has no such dispute. */
  async retrieveDispute(id: string): Promise<ProcessorDispute | null> {
    const dispute = await this.find('disputes.retrieve', () => this.stripe.disputes.retrieve(id));
    if (!dispute) return null;
    const intent = dispute.payment_intent;
    return {
      id: dispute.id,
      status: dispute.status,
      amount: dispute.amount,
      reason: dispute.reason,
      paymentIntentId: typeof intent === 'string' ? intent : (intent?.id ?? null),
    };
  }

  private async call<T>(operation: string, work: () => Promise<T>, field?: string): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw this.translate(operation, err, field);
    }
  }

  /** Like call(), but null when Stripe answers that the object does not exist. */
  private async find<T>(operation: string, work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof Stripe.errors.StripeInvalidRequestError && err.code === 'resource_missing') {
        this.warn(operation, err);
        return null;
      }
      throw this.translate(operation, err);
    }
  }

  private translate(operation: string, err: unknown, field?: string): Error {
    if (!(err instanceof Stripe.errors.StripeError)) return err instanceof Error ? err : new Error(String(err));
    this.warn(operation, err);
    if (err instanceof Stripe.errors.StripeInvalidRequestError || err instanceof Stripe.errors.StripeCardError) {
      return new ProcessorRefusedException(err.message, field);
    }
    if (err instanceof Stripe.errors.StripeAuthenticationError || err instanceof Stripe.errors.StripePermissionError) {
      return new ProcessorUnavailableException(
        'The payment processor refused our credentials; an administrator must check the Stripe key.',
      );
    }
    return new ProcessorUnavailableException();
  }

  /** Only the facts needed to find the call in Stripe's dashboard: never the error's raw body. */
  private warn(operation: string, err: InstanceType<typeof Stripe.errors.StripeError>): void {
    this.logger.warn(
      {
        stripe: { operation, type: err.type, code: err.code ?? null, statusCode: err.statusCode ?? null, requestId: err.requestId ?? null },
      },
      'Stripe did not do what was asked',
    );
  }
}

function endpointOf(base: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

function declineReason(message: string | undefined, code: string | undefined): string {
  const sentence = message?.trim() || 'The payment was declined.';
  return code ? `${sentence} (${code})` : sentence;
}

function toPaymentMethod(pm: Stripe.PaymentMethod): ProcessorPaymentMethod {
  const customerId = typeof pm.customer === 'string' ? pm.customer : (pm.customer?.id ?? null);
  const base = { id: pm.id, customerId, holderName: pm.billing_details?.name ?? null };
  if (pm.type === 'card' && pm.card) {
    return {
      ...base,
      type: 'card',
      brand: pm.card.brand,
      last4: pm.card.last4,
      expMonth: pm.card.exp_month,
      expYear: pm.card.exp_year,
      bankAccountType: null,
    };
  }
  if (pm.type === 'us_bank_account' && pm.us_bank_account) {
    return {
      ...base,
      type: 'bank',
      brand: pm.us_bank_account.bank_name,
      last4: pm.us_bank_account.last4,
      expMonth: null,
      expYear: null,
      bankAccountType: pm.us_bank_account.account_type === 'savings' ? 'savings' : 'checking',
    };
  }
  return { ...base, type: null, brand: null, last4: null, expMonth: null, expYear: null, bankAccountType: null };
}

function toPaymentIntent(pi: Stripe.PaymentIntent): ProcessorPaymentIntent {
  const paymentMethodId = typeof pi.payment_method === 'string' ? pi.payment_method : (pi.payment_method?.id ?? null);
  const error = pi.last_payment_error;
  return {
    id: pi.id,
    status: pi.status,
    amount: pi.amount,
    currency: pi.currency,
    paymentMethodId,
    metadata: { ...(pi.metadata ?? {}) },
    failureReason: error?.message ? declineReason(error.message, error.decline_code ?? error.code) : null,
  };
}
