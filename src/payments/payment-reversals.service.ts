import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { LedgerService } from '../billing/ledger.service';
import { ConflictException, NotFoundException } from '../common/errors';
import { requestContext } from '../common/request-context';
import { transactionWithRetry } from '../database/transaction';
import { ProcessorRefusedException, ProcessorUnavailableException } from './payments.exception';
import { processorPayments } from './processor-payment-rows';
import { ProcessorRefund, REFUND_ID_METADATA, StripeGateway } from './stripe.gateway';
import { PaymentsErrorCode } from './payments.error-codes';

export type RefundStatus = 'requested' | 'pending' | 'succeeded' | 'failed' | 'canceled';

export interface ProcessorRefundDto {
  id: number;
  paymentId: number;
  accountId: number;
  amount: number;
  status: RefundStatus;
  stripeRefundId: string | null;
  failureReason: string | null;
  reason: string | null;
  createdAt: Date;
}

export interface PaymentReversalDto {
  paymentId: number;
  /** The void row on the ledger that undoes the payment's credit. */
  reversalTransactionId: number;
  refund: ProcessorRefundDto | null;
}

const REFUND_COLUMNS = `r.id, r.payment_id, r.account_id, r.amount, r.status, r.stripe_refund_id, r.failure_reason, r.reason, r.created_at`;

function toRefundDto(r: Record<string, unknown>): ProcessorRefundDto {
  return {
    id: Number(r.id),
    paymentId: Number(r.payment_id),
    accountId: Number(r.account_id),
    amount: Number(r.amount),
    status: r.status as RefundStatus,
    stripeRefundId: (r.stripe_refund_id as string | null) ?? null,
    failureReason: (r.failure_reason as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    createdAt: r.created_at as Date,
  };
}

/** What Stripe's refund states mean for our row. */
function refundStatusOf(refund: ProcessorRefund): RefundStatus {
  switch (refund.status) {
    case 'succeeded':
    case 'failed':
    case 'canceled':
      return refund.status;
    default:
      return 'pending';
  }
}

/**
 * Reversing a card or bank payment: its credit comes off every invoice it paid (a
 * void row on the ledger, the accounting-period rules applying), and, when asked,
 * the same amount is refunded through Stripe. The reversal and the refund's record
 * commit together before Stripe is called, under a key made from the refund row, so
 * a repeated request or a crash in between can only ever make one refund.
 */
@Injectable()
export class PaymentReversalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: FamilyLockService,
    private readonly ledger: LedgerService,
    private readonly stripe: StripeGateway,
    private readonly audit: AuditService,
  ) {}

  async reverse(paymentId: number, opts: { refund: boolean; reason?: string; effectiveDate?: string }): Promise<PaymentReversalDto> {
    const reversal = await transactionWithRetry(this.db, async (em) => {
      const head = await processorPayments.byId(em, paymentId);
      if (!head) throw new NotFoundException('Payment', paymentId);
      await this.locks.lock(em, head.accountId);
      const payment = (await processorPayments.byId(em, paymentId, true)) as NonNullable<typeof head>;
      const [state]: { reversal_transaction_id: number | null }[] = await em.query(
        'SELECT reversal_transaction_id FROM processor_payments WHERE id = ?',
        [paymentId],
      );
      if (state.reversal_transaction_id !== null) {
        // Reversed already: a refund that was asked for and never reached Stripe is asked again, nothing else.
        const pending = await this.refundOf(em, paymentId);
        if (opts.refund && pending?.status === 'requested') {
          return { paymentId, reversalTransactionId: Number(state.reversal_transaction_id), refund: pending };
        }
        throw new ConflictException(PaymentsErrorCode.PaymentReversed, `Payment ${paymentId} was already reversed`);
      }
      if (payment.status !== 'succeeded' || payment.transactionId === null) {
        throw new ConflictException(
          PaymentsErrorCode.PaymentNotRecorded,
          `Payment ${paymentId} is ${payment.status}; only a payment recorded on the ledger can be reversed`,
        );
      }
      if (opts.refund && !payment.stripePaymentIntentId) {
        throw new ConflictException(PaymentsErrorCode.RefundImpossible, `Payment ${paymentId} has no processor payment to refund`);
      }
      const reversalTransactionId = await this.reverseOnLedgerLocked(
        em,
        payment.transactionId,
        opts.reason ?? 'payment reversed',
        opts.effectiveDate,
      );
      let refund: ProcessorRefundDto | null = null;
      if (opts.refund) {
        const inserted: { insertId: number } = await em.query(
          'INSERT INTO processor_refunds (payment_id, account_id, amount, reason, created_by) VALUES (?, ?, ?, ?, ?)',
          [paymentId, payment.accountId, payment.amount, opts.reason ?? null, requestContext.current()?.actor?.userId ?? null],
        );
        refund = await this.refundById(em, Number(inserted.insertId));
      }
      await this.audit.recordAction(em, {
        action: 'payment.reverse',
        entityType: 'processor_payment',
        entityId: paymentId,
        accountId: payment.accountId,
        before: { status: payment.status },
        after: {
          status: 'reversed',
          reversalTransactionId,
          refund: refund && { id: refund.id, amount: refund.amount },
        },
      });
      return { paymentId, reversalTransactionId, refund };
    });
    if (reversal.refund) reversal.refund = await this.askStripe(reversal.refund, paymentId);
    return reversal;
  }

  /**
   * The ledger half of a reversal, inside the caller's transaction under the family lock:
   * the payment's credit is voided and the payment marked reversed. Returns the void row's id.
   */
  async reverseOnLedgerLocked(em: EntityManager, transactionId: number, reason: string, effectiveDate?: string): Promise<number> {
    // The ledger's credit-voided hook (PaymentCreditVoids) marks the payment reversed in the same transaction.
    const voided = await this.ledger.voidCreditLocked(em, transactionId, reason, effectiveDate);
    return voided.transaction.id;
  }

  /** Refunds of one payment, oldest first. */
  refundsOfPayment(paymentId: number): Promise<ProcessorRefundDto[]> {
    return this.refundsWhere('r.payment_id = ? ORDER BY r.id', paymentId);
  }

  /** Refunds of an account, newest first. */
  refundsOf(accountId: number): Promise<ProcessorRefundDto[]> {
    return this.refundsWhere('r.account_id = ? ORDER BY r.id DESC', accountId);
  }

  private async refundsWhere(clause: string, param: number): Promise<ProcessorRefundDto[]> {
    const rows: Record<string, unknown>[] = await this.db.query(`SELECT ${REFUND_COLUMNS} FROM processor_refunds r WHERE ${clause}`, [
      param,
    ]);
    return rows.map(toRefundDto);
  }

  /**
   * Brings a refund to the state Stripe holds it in now (the webhook for refund
   * updates lands here). Safe to call any number of times, at once.
   */
  async syncRefund(stripeRefundId: string): Promise<'updated' | 'unchanged' | 'unknown'> {
    const refund = await this.stripe.retrieveRefund(stripeRefundId);
    if (!refund) return 'unknown';
    return transactionWithRetry(this.db, async (em) => {
      const ours = refund.metadata[REFUND_ID_METADATA];
      const [row]: Record<string, unknown>[] = await em.query(
        `SELECT ${REFUND_COLUMNS} FROM processor_refunds r WHERE r.stripe_refund_id = ? ${ours ? 'OR r.id = ?' : ''} LIMIT 1`,
        ours ? [stripeRefundId, Number(ours)] : [stripeRefundId],
      );
      if (!row) return 'unknown';
      const current = toRefundDto(row);
      await this.locks.lock(em, current.accountId);
      const next = refundStatusOf(refund);
      const changed: { affectedRows: number } = await em.query(
        `UPDATE processor_refunds SET status = ?, stripe_refund_id = ?, failure_reason = ?
          WHERE id = ? AND (status <> ? OR stripe_refund_id IS NULL OR NOT (failure_reason <=> ?))`,
        [next, refund.id, refund.failureReason, current.id, next, refund.failureReason],
      );
      if (!Number(changed.affectedRows)) return 'unchanged';
      if (next === 'succeeded') await em.query("UPDATE processor_payments SET status = 'refunded' WHERE id = ?", [current.paymentId]);
      await this.audit.recordAction(em, {
        action: 'refund.update',
        entityType: 'processor_refund',
        entityId: current.id,
        accountId: current.accountId,
        before: { status: current.status },
        after: { status: next, failureReason: refund.failureReason },
      });
      return 'updated';
    });
  }

  /** Sends the refund to Stripe under its row's key and records the answer; a refusal is recorded, not thrown. */
  private async askStripe(refund: ProcessorRefundDto, paymentId: number): Promise<ProcessorRefundDto> {
    const [payment]: { stripe_payment_intent_id: string }[] = await this.db.query(
      'SELECT stripe_payment_intent_id FROM processor_payments WHERE id = ?',
      [paymentId],
    );
    let status: RefundStatus;
    let stripeRefundId: string | null = null;
    let failure: string | null = null;
    try {
      const answer = await this.stripe.refund({
        refundId: refund.id,
        paymentIntentId: payment.stripe_payment_intent_id,
        amount: refund.amount,
      });
      status = refundStatusOf(answer);
      stripeRefundId = answer.id;
      failure = answer.failureReason;
    } catch (err) {
      // Unreachable: the row stays 'requested' and reversing again asks again, under the same key.
      if (err instanceof ProcessorUnavailableException) return refund;
      if (!(err instanceof ProcessorRefusedException)) throw err;
      status = 'failed';
      failure = err.message;
    }
    await transactionWithRetry(this.db, async (em) => {
      await em.query(
        "UPDATE processor_refunds SET status = ?, stripe_refund_id = COALESCE(?, stripe_refund_id), failure_reason = ? WHERE id = ? AND status = 'requested'",
        [status, stripeRefundId, failure?.slice(0, 500) ?? null, refund.id],
      );
      if (status === 'succeeded') await em.query("UPDATE processor_payments SET status = 'refunded' WHERE id = ?", [paymentId]);
    });
    return (await this.refundById(this.db.manager, refund.id)) as ProcessorRefundDto;
  }

  private async refundOf(em: EntityManager, paymentId: number): Promise<ProcessorRefundDto | null> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${REFUND_COLUMNS} FROM processor_refunds r WHERE r.payment_id = ?`, [
      paymentId,
    ]);
    return row ? toRefundDto(row) : null;
  }

  private async refundById(em: EntityManager, id: number): Promise<ProcessorRefundDto | null> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${REFUND_COLUMNS} FROM processor_refunds r WHERE r.id = ?`, [id]);
    return row ? toRefundDto(row) : null;
  }
}
