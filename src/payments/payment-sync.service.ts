import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FamilyLockService } from '../billing/family-lock.service';
import { transactionWithRetry } from '../database/transaction';
import { PaymentMethodsService } from './payment-methods.service';
import { PaymentSettlementService } from './payment-settlement.service';
import { ProcessorPaymentRow, processorPayments } from './processor-payment-rows';
import { StripeCustomersService } from './stripe-customers.service';
import { ACCOUNT_ID_METADATA, PAYMENT_ID_METADATA, StripeGateway } from './stripe.gateway';

export type PaymentIntentSync = 'recorded' | 'failed' | 'unchanged' | 'unknown';
export type PaymentMethodSync = 'detached' | 'unchanged' | 'unknown';

/**
 * What the webhook processing calls when Stripe tells us something changed. An event is
 * only a hint: each method reads the object as Stripe holds it now and settles our rows
 * under the account family's lock, so any number of calls, in any order and at the same
 * time, end in the same state. `unknown` means the object is not ours.
 */
@Injectable()
export class PaymentSyncService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gateway: StripeGateway,
    private readonly settlement: PaymentSettlementService,
    private readonly methods: PaymentMethodsService,
    private readonly customers: StripeCustomersService,
    private readonly locks: FamilyLockService,
  ) {}

  async syncPaymentIntent(paymentIntentId: string): Promise<PaymentIntentSync> {
    const known = await processorPayments.byIntent(this.db.manager, paymentIntentId);
    const intent = await this.gateway.retrievePaymentIntent(paymentIntentId);
    const payment = known ?? (intent ? await this.adopt(intent.id, intent.metadata) : null);
    if (!payment) return 'unknown';
    if (!intent) return 'unchanged';
    return (await this.settlement.settle(payment.id, intent)).change;
  }

  async paymentMethodDetached(paymentMethodId: string): Promise<PaymentMethodSync> {
    const rows: { id: number; account_id: number }[] = await this.db.query(
      'SELECT id, account_id FROM payment_methods WHERE stripe_payment_method_id = ? ORDER BY id',
      [paymentMethodId],
    );
    if (!rows.length) return 'unknown';
    const current = await this.gateway.retrievePaymentMethod(paymentMethodId);
    let detached = false;
    for (const row of rows) {
      const accountId = Number(row.account_id);
      const changed = await transactionWithRetry(this.db, async (em) => {
        await this.locks.lock(em, accountId);
        const method = await this.methods.findMethod(em, accountId, Number(row.id), true);
        if (!method || method.detachedAt) return false;
        // Still on this account's customer at Stripe (detached, then attached again): keep it.
        if (current?.customerId && current.customerId === (await this.customers.find(em, accountId))) return false;
        await this.methods.markDetached(em, method);
        return true;
      });
      detached ||= changed;
    }
    return detached ? 'detached' : 'unchanged';
  }

  /**
   * A payment whose request stopped between Stripe's answer and writing the intent's id
   * down: the intent's metadata names it. Taken only when the row agrees (same account,
   * no other intent).
   */
  private async adopt(intentId: string, metadata: Record<string, string>): Promise<ProcessorPaymentRow | null> {
    const paymentId = Number(metadata[PAYMENT_ID_METADATA]);
    if (!Number.isSafeInteger(paymentId) || paymentId <= 0) return null;
    const payment = await processorPayments.byId(this.db.manager, paymentId);
    if (!payment || String(payment.accountId) !== metadata[ACCOUNT_ID_METADATA]) return null;
    if (payment.stripePaymentIntentId !== null && payment.stripePaymentIntentId !== intentId) return null;
    return payment;
  }
}
