import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { LedgerService } from '../billing/ledger.service';
import { NotFoundException } from '../common/errors';
import { setEach } from '../database/case-by-id';
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

/** One payment's settlement, decided under the lock before anything is written. */
interface Decision {
  before: ProcessorPaymentRow;
  /** `unchanged`: still on its way at the processor, with the intent to follow now known. */
  change: SettlementChange;
  intentId: string | null;
  reason?: string;
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
      const decisions = requests.map((request) => this.decide(before.get(request.paymentId) as ProcessorPaymentRow, request));
      const changed = decisions.filter((d): d is Decision => d !== null);
      await this.write(em, changed);
      const after = await processorPayments.byIds(
        em,
        changed.map((c) => c.before.id),
      );
      const results = new Map<number, Settled>();
      for (const row of before.values()) results.set(row.id, { payment: row, change: 'unchanged' });
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

  /** What the processor's answer means for one locked payment; null when there is nothing to write. */
  private decide(before: ProcessorPaymentRow, { intent, declined }: SettlementRequest): Decision | null {
    if (intent && before.stripePaymentIntentId && before.stripePaymentIntentId !== intent.id) {
      this.logger.warn(
        { paymentId: before.id, expected: before.stripePaymentIntentId, got: intent.id },
        'A PaymentIntent that is not this payment’s',
      );
      return null;
    }
    const outcome: Outcome = declined ? { status: 'failed', reason: declined } : intent ? outcomeOf(intent) : { status: 'pending' };
    const intentId = before.stripePaymentIntentId ?? intent?.id ?? null;
    // A failed payment that Stripe later reports as paid is money received all the same.
    if (outcome.status === 'succeeded' && (before.status === 'pending' || before.status === 'failed')) {
      return { before, change: 'recorded', intentId: intentId as string };
    }
    if (outcome.status === 'failed' && before.status === 'pending') return { before, change: 'failed', intentId, reason: outcome.reason };
    // Accepted by the processor and still on its way (a bank debit): remember which intent to follow.
    if (intentId !== before.stripePaymentIntentId) return { before, change: 'unchanged', intentId };
    return null;
  }

  /**
   * Writes the decisions: the money of those recorded on the ledger together
   * (recordProcessorPayments), then each kind of change to the payments' rows in one
   * UPDATE, whatever the number of payments.
   */
  private async write(em: EntityManager, decisions: Decision[]): Promise<void> {
    const recorded = decisions.filter((d) => d.change === 'recorded');
    const ledgerRows = await this.record(
      em,
      recorded.map((d) => ({ payment: d.before, intentId: d.intentId as string })),
    );
    const ledgerRow = new Map(recorded.map((d, i) => [d.before.id, ledgerRows[i]]));
    await this.updatePayments(em, recorded, "status = 'succeeded', failure_reason = NULL", {
      stripe_payment_intent_id: (d) => d.intentId,
      transaction_id: (d) => ledgerRow.get(d.before.id),
    });
    await this.updatePayments(
      em,
      decisions.filter((d) => d.change === 'failed'),
      "status = 'failed'",
      { stripe_payment_intent_id: (d) => d.intentId, failure_reason: (d) => (d.reason as string).slice(0, 500) },
    );
    // Still on its way (a bank debit): only the intent to follow is new.
    await this.updatePayments(
      em,
      decisions.filter((d) => d.change === 'unchanged'),
      null,
      { stripe_payment_intent_id: (d) => d.intentId },
    );
  }

  /** One UPDATE for the decisions' rows: `fixed` for all of them, and each its own value of `columns`; the attempt is over. */
  private async updatePayments(
    em: EntityManager,
    decisions: Decision[],
    fixed: string | null,
    columns: Record<string, (d: Decision) => unknown>,
  ): Promise<void> {
    if (!decisions.length) return;
    const each = setEach(decisions, (d) => d.before.id, columns);
    await em.query(`UPDATE processor_payments SET ${fixed ? `${fixed}, ` : ''}${each.sql}, attempted_at = NULL WHERE id IN (?)`, [
      ...each.params,
      decisions.map((d) => d.before.id),
    ]);
  }

  /** Puts the payments' money on the ledger together; answers each one's ledger row, in the order given. */
  private async record(em: EntityManager, payments: { payment: ProcessorPaymentRow; intentId: string }[]): Promise<number[]> {
    if (!payments.length) return [];
    const methodIds = [...new Set(payments.map((p) => p.payment.paymentMethodId))];
    const rows: (MethodWords & { id: number })[] = await em.query(
      'SELECT id, brand, last4, bank_account_type FROM payment_methods WHERE id IN (?)',
      [methodIds],
    );
    const methods = new Map(rows.map((r) => [Number(r.id), r]));
    const closeDate = await this.billingConfig.closeDate(em);
    const today = this.ledger.today();
    const posted = await this.ledger.recordProcessorPayments(
      em,
      payments.map(({ payment, intentId }) => {
        const method = methods.get(payment.paymentMethodId) as MethodWords;
        const what = payment.method === 'card' ? (method.brand ?? 'card') : (method.bank_account_type ?? 'account');
        return {
          accountId: payment.accountId,
          method: payment.method,
          amount: payment.amount,
          // A bank debit can settle after its month was closed; the money then lands in the open period.
          date: closeDate && payment.date <= closeDate ? today : payment.date,
          description: `${METHOD_WORDS[payment.method]} payment (${capitalise(what)} ending ${method.last4})`,
          reference: intentId,
          idempotencyKey: `processor-payment/${payment.id}`,
          createdBy: payment.createdBy,
        };
      }),
    );
    return posted.map((p) => p.transaction.id);
  }
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function auditState(p: ProcessorPaymentRow): Record<string, unknown> {
  const { id, method, amount, currency, date, status, stripePaymentIntentId, failureReason, transactionId } = p;
  return { id, method, amount, currency, date, status, stripePaymentIntentId, failureReason, transactionId };
}
