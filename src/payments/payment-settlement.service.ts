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
  async settle(
    paymentId: number,
    intent: ProcessorPaymentIntent | null,
    declined?: string,
  ): Promise<{ payment: ProcessorPaymentRow; change: SettlementChange }> {
    const unlocked = await processorPayments.byId(this.db.manager, paymentId);
    if (!unlocked) throw new NotFoundException('Payment', paymentId);
    const settled = await transactionWithRetry(this.db, async (em): Promise<{ payment: ProcessorPaymentRow; change: SettlementChange }> => {
      await this.locks.lock(em, unlocked.accountId);
      const before = (await processorPayments.byId(em, paymentId, true)) as ProcessorPaymentRow;
      if (intent && before.stripePaymentIntentId && before.stripePaymentIntentId !== intent.id) {
        this.logger.warn(
          { paymentId, expected: before.stripePaymentIntentId, got: intent.id },
          'A PaymentIntent that is not this payment’s',
        );
        return { payment: before, change: 'unchanged' };
      }
      const outcome: Outcome = declined ? { status: 'failed', reason: declined } : intent ? outcomeOf(intent) : { status: 'pending' };
      const intentId = before.stripePaymentIntentId ?? intent?.id ?? null;
      let change: SettlementChange = 'unchanged';
      if (outcome.status === 'succeeded' && (before.status === 'pending' || before.status === 'failed')) {
        // A failed payment that Stripe later reports as paid is money received all the same.
        const transactionId = await this.record(em, before, intentId as string);
        await em.query(
          `UPDATE processor_payments SET status = 'succeeded', stripe_payment_intent_id = ?, transaction_id = ?, failure_reason = NULL,
             attempted_at = NULL WHERE id = ?`,
          [intentId, transactionId, paymentId],
        );
        change = 'recorded';
      } else if (outcome.status === 'failed' && before.status === 'pending') {
        await em.query(
          `UPDATE processor_payments SET status = 'failed', stripe_payment_intent_id = ?, failure_reason = ?, attempted_at = NULL WHERE id = ?`,
          [intentId, outcome.reason.slice(0, 500), paymentId],
        );
        change = 'failed';
      } else if (intentId !== before.stripePaymentIntentId) {
        // Accepted by the processor and still on its way (a bank debit): remember which intent to follow.
        await em.query('UPDATE processor_payments SET stripe_payment_intent_id = ?, attempted_at = NULL WHERE id = ?', [
          intentId,
          paymentId,
        ]);
      } else {
        return { payment: before, change };
      }
      const after = (await processorPayments.byId(em, paymentId)) as ProcessorPaymentRow;
      await this.audit.recordAction(em, {
        action: change === 'unchanged' ? 'processor_payment.submit' : `processor_payment.${change}`,
        entityType: 'processor_payment',
        entityId: paymentId,
        accountId: after.accountId,
        before: auditState(before),
        after: auditState(after),
      });
      return { payment: after, change };
    });
    // After the commit, and never throwing: the customer's email must not hold up or undo the money.
    // Asked on every settlement that finds the payment final, not only the one that made it so, so a
    // worker that died between the commit and this line gets it done when the event is processed again.
    if (settled.payment.status === 'succeeded') await this.notifier.paymentSucceeded(paymentId);
    else if (settled.payment.status === 'failed') await this.notifier.paymentFailed(paymentId);
    return settled;
  }

  private async record(em: EntityManager, payment: ProcessorPaymentRow, intentId: string): Promise<number> {
    const [method]: { brand: string | null; last4: string; bank_account_type: string | null }[] = await em.query(
      'SELECT brand, last4, bank_account_type FROM payment_methods WHERE id = ?',
      [payment.paymentMethodId],
    );
    // A bank debit can settle after its month was closed; the money then lands in the open period.
    const closeDate = await this.billingConfig.closeDate(em);
    const date = closeDate && payment.date <= closeDate ? this.ledger.today() : payment.date;
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
