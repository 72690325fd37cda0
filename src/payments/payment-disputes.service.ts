import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { BillingConfigErrorCode } from '../billing-config/billing-config.error-codes';
import { DomainException } from '../common/errors';
import { transactionWithRetry } from '../database/transaction';
import { PaymentReversalsService } from './payment-reversals.service';
import { processorPayments } from './processor-payment-rows';
import { StripeGateway } from './stripe.gateway';

export type DisputeSync = 'recorded' | 'updated' | 'unchanged' | 'unknown';

/**
 * Disputes opened at a customer's bank. Stripe takes the disputed money back at
 * once, so the first time we hear of a dispute the payment is reversed on the
 * ledger (no refund: the bank already has the money) and the invoices it paid are
 * owed again. Later news of the same dispute (won, lost) only updates its state.
 */
@Injectable()
export class PaymentDisputesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stripe: StripeGateway,
    private readonly locks: FamilyLockService,
    private readonly reversals: PaymentReversalsService,
    private readonly audit: AuditService,
  ) {}

  /** Reads the dispute from Stripe now and records it; safe to call any number of times, at once. */
  async syncDispute(disputeId: string): Promise<DisputeSync> {
    const dispute = await this.stripe.retrieveDispute(disputeId);
    if (!dispute?.paymentIntentId) return 'unknown';
    const head = await processorPayments.byIntent(this.db.manager, dispute.paymentIntentId);
    if (!head) return 'unknown';
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, head.accountId);
      const payment = (await processorPayments.byId(em, head.id, true)) as NonNullable<typeof head>;
      const [known]: { id: number; status: string }[] = await em.query(
        'SELECT id, status FROM processor_disputes WHERE stripe_dispute_id = ? FOR UPDATE',
        [dispute.id],
      );
      if (known) {
        if (known.status === dispute.status) return 'unchanged';
        await em.query('UPDATE processor_disputes SET status = ? WHERE id = ?', [dispute.status, known.id]);
        await this.record(em, 'dispute.update', Number(known.id), payment.accountId, { status: known.status }, { status: dispute.status });
        return 'updated';
      }
      let reversed = false;
      let note: string | null = null;
      if (payment.status === 'succeeded' && payment.transactionId !== null) {
        try {
          await this.reversals.reverseOnLedgerLocked(em, payment.transactionId, `disputed at the bank (${dispute.reason})`);
          reversed = true;
        } catch (err) {
          // A payment in a closed accounting period stays as it is; the dispute is listed for a person to settle.
          if (!(err instanceof DomainException) || err.code !== BillingConfigErrorCode.AccountingPeriodClosed) throw err;
          note = err.message;
        }
      }
      const inserted: { insertId: number } = await em.query(
        `INSERT INTO processor_disputes (stripe_dispute_id, payment_id, account_id, amount, reason, status, payment_reversed, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [dispute.id, payment.id, payment.accountId, dispute.amount, dispute.reason.slice(0, 100), dispute.status, reversed ? 1 : 0, note],
      );
      await this.record(em, 'dispute.open', Number(inserted.insertId), payment.accountId, null, {
        paymentId: payment.id,
        amount: dispute.amount,
        reason: dispute.reason,
        paymentReversed: reversed,
      });
      return 'recorded';
    });
  }

  private record(
    em: Parameters<AuditService['recordAction']>[0],
    action: string,
    id: number,
    accountId: number,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.recordAction(em, { action, entityType: 'processor_dispute', entityId: id, accountId, before, after });
  }
}
