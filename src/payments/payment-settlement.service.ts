import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { LedgerService } from '../billing/ledger.service';
import { NotFoundException } from '../common/errors';
import { transactionWithRetry } from '../database/transaction';
import { PAYMENT_NOTIFIER, type PaymentNotifier } from './payment-notifier';
import { ProcessorPaymentRow, processorPayments } from './processor-payment-rows';
import type { ProcessorPaymentIntent } from './stripe.gateway';

export type SettlementChange = 'recorded' | 'failed' | 'unchanged';

export interface SettlementRequest {
  paymentId: number;
  /** What Stripe answers for the payment's intent; null when a decline came without one. */
  intent: ProcessorPaymentIntent | null;
  /** The processor's reason when it refused the charge outright. */
  declined?: string;
}

export interface Settled {
  payment: ProcessorPaymentRow;
  change: SettlementChange;
}

interface MethodWords {
  brand: string | null;
  last4: string;
  bank_account_type: string | null;
}

interface RecordingContext {
  methods: Map<number, MethodWords>;
  closeDate: string | null;
  today: string;
}

type Outcome = { status: 'succeeded' } | { status: 'failed'; reason: string } | { status: 'pending' };

/**
 * What a PaymentIntent's status means for our payment. Only `succeeded` is money received;
 * an intent back at `requires_payment_method` (a decline, a returned bank debit) or
 * `canceled` is a failure; everything else is still on its way.
 */
export function outcomeOf(intent: ProcessorPaymentIntent): Outcome {
  switch (intent.status) {
    case 'succeeded':
      return { status: 'succeeded' };
    case 'canceled':
      return { status: 'failed', reason: intent.failureReason ?? 'The payment was canceled at the payment processor.' };
    case 'requires_payment_method':
      return { status: 'failed', reason: intent.failureReason ?? 'The payment processor could not take the payment from this method.' };
    default:
      return { status: 'pending' };
  }
}

const METHOD_WORDS = { card: 'Card', bank: 'Bank' } as const;

/**
 * Brings a processor payment in line with what Stripe says about its intent, under the
 * account family's lock and in one transaction with the ledger: a success writes the
 * payment (and applies it) exactly once, a failure keeps the processor's reason. Called
 * by the payment request itself and by the webhook sync, in any order, any number of times.
 */
@Injectable()
export class PaymentSettlementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: FamilyLockService,
    private readonly ledger: LedgerService,
    private readonly billingConfig: BillingConfigService,
    private readonly audit: AuditService,
    @Inject(PAYMENT_NOTIFIER) private readonly notifier: PaymentNotifier,
    @InjectPinoLogger(PaymentSettlementService.name) private readonly logger: PinoLogger,
  ) {}

  /**
   * `intent` is what Stripe returned (null when a decline came without one); `declined`
   * is the processor's reason when it refused the charge outright.
   */
  async settle(paymentId: number, intent: ProcessorPaymentIntent | null, declined?: string): Promise<Settled> {
    return (await this.settleMany([{ paymentId, intent, declined }])).get(paymentId) as Settled;
  }

  /**
   * Settles many payments (a batch of webhook events) in one transaction under all
   * their families' locks, with each payment decided exactly as settle() decides one:
   * the rows are read, locked and audited for the whole set at once. All or nothing:
   * when it throws, nothing was written, and the caller may settle them one by one.
   */
  async settleMany(requests: SettlementRequest[]): Promise<Map<number, Settled>> {
    const ids = [...new Set(requests.map((r) => r.paymentId))];
    if (requests.length !== ids.length) throw new Error('A payment can be settled once per call');
    const unlocked = await processorPayments.byIds(this.db.manager, ids);
    const missing = ids.find((id) => !unlocked.has(id));
    if (missing !== undefined) throw new NotFoundException('Payment', missing);
    const settled = await transactionWithRetry(this.db, async (em) => {
      await this.locks.lockMany(
        em,
        [...unlocked.values()].map((p) => p.accountId),
      );
      const before = await processorPayments.byIds(em, ids, true);
      let context: Promise<RecordingContext> | undefined;
      const recording = () => (context ??= this.recordingContext(em, [...before.values()]));
      const results = new Map<number, Settled>();
      const changed: { before: ProcessorPaymentRow; change: SettlementChange }[] = [];
      for (const request of requests) {
        const row = before.get(request.paymentId) as ProcessorPaymentRow;
        const change = await this.apply(em, row, request, recording);
        if (change === null) results.set(row.id, { payment: row, change: 'unchanged' });
        else changed.push({ before: row, change });
      }
      const after = await processorPayments.byIds(
        em,
        changed.map((c) => c.before.id),
      );
      for (const { before: row, change } of changed) results.set(row.id, { payment: after.get(row.id) as ProcessorPaymentRow, change });
      await this.audit.recordActions(
        em,
        changed.map(({ before: row, change }) => ({
          action: change === 'unchanged' ? 'processor_payment.submit' : `processor_payment.${change}`,
          entityType: 'processor_payment',
          entityId: row.id,
          accountId: row.accountId,
          before: auditState(row),
          after: auditState(after.get(row.id) as ProcessorPaymentRow),
        })),
      );
      return results;
    });
    // After the commit, and never throwing: the customer's email must not hold up or undo the money.
    // Asked on every settlement that finds the payment final, not only the one that made it so, so a
    // worker that died between the commit and this line gets it done when the event is processed again.
    const final = [...settled.values()].filter((s) => s.payment.status === 'succeeded' || s.payment.status === 'failed');
    if (final.length) await this.notifier.paymentsSettled(final.map((s) => s.payment.id));
    return settled;
  }

  /**
   * Writes what the processor's answer means for one locked payment; answers the change,
   * or null when there was nothing to write.
   */
  private async apply(
    em: EntityManager,
    before: ProcessorPaymentRow,
    { intent, declined }: SettlementRequest,
    recording: () => Promise<RecordingContext>,
  ): Promise<SettlementChange | null> {
    if (intent && before.stripePaymentIntentId && before.stripePaymentIntentId !== intent.id) {
      this.logger.warn(
        { paymentId: before.id, expected: before.stripePaymentIntentId, got: intent.id },
        'A PaymentIntent that is not this payment’s',
      );
      return null;
    }
    const outcome: Outcome = declined ? { status: 'failed', reason: declined } : intent ? outcomeOf(intent) : { status: 'pending' };
    const intentId = before.stripePaymentIntentId ?? intent?.id ?? null;
    if (outcome.status === 'succeeded' && (before.status === 'pending' || before.status === 'failed')) {
      // A failed payment that Stripe later reports as paid is money received all the same.
      const transactionId = await this.record(em, before, intentId as string, await recording());
      await em.query(
        `UPDATE processor_payments SET status = 'succeeded', stripe_payment_intent_id = ?, transaction_id = ?, failure_reason = NULL,
           attempted_at = NULL WHERE id = ?`,
        [intentId, transactionId, before.id],
      );
      return 'recorded';
    }
    if (outcome.status === 'failed' && before.status === 'pending') {
      await em.query(
        `UPDATE processor_payments SET status = 'failed', stripe_payment_intent_id = ?, failure_reason = ?, attempted_at = NULL WHERE id = ?`,
        [intentId, outcome.reason.slice(0, 500), before.id],
      );
      return 'failed';
    }
    if (intentId !== before.stripePaymentIntentId) {
      // Accepted by the processor and still on its way (a bank debit): remember which intent to follow.
      await em.query('UPDATE processor_payments SET stripe_payment_intent_id = ?, attempted_at = NULL WHERE id = ?', [intentId, before.id]);
      return 'unchanged';
    }
    return null;
  }

  /** What recording the payments' money needs, read once for all of them under the locks, when the first is recorded. */
  private async recordingContext(em: EntityManager, payments: ProcessorPaymentRow[]): Promise<RecordingContext> {
    const methodIds = [...new Set(payments.map((p) => p.paymentMethodId))];
    const rows: { id: number; brand: string | null; last4: string; bank_account_type: string | null }[] = await em.query(
      'SELECT id, brand, last4, bank_account_type FROM payment_methods WHERE id IN (?)',
      [methodIds],
    );
    return {
      methods: new Map(rows.map((r) => [Number(r.id), r])),
      closeDate: await this.billingConfig.closeDate(em),
      today: this.ledger.today(),
    };
  }

  private async record(em: EntityManager, payment: ProcessorPaymentRow, intentId: string, context: RecordingContext): Promise<number> {
    const method = context.methods.get(payment.paymentMethodId) as MethodWords;
    // A bank debit can settle after its month was closed; the money then lands in the open period.
    const date = context.closeDate && payment.date <= context.closeDate ? context.today : payment.date;
    const what = payment.method === 'card' ? (method.brand ?? 'card') : (method.bank_account_type ?? 'account');
    const posted = await this.ledger.recordProcessorPayment(em, {
      accountId: payment.accountId,
      method: payment.method,
      amount: payment.amount,
      date,
      description: `${METHOD_WORDS[payment.method]} payment (${capitalise(what)} ending ${method.last4})`,
      reference: intentId,
      idempotencyKey: `processor-payment/${payment.id}`,
      createdBy: payment.createdBy,
    });
    return posted.transaction.id;
  }
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function auditState(p: ProcessorPaymentRow): Record<string, unknown> {
  const { id, method, amount, currency, date, status, stripePaymentIntentId, failureReason, transactionId } = p;
  return { id, method, amount, currency, date, status, stripePaymentIntentId, failureReason, transactionId };
}
