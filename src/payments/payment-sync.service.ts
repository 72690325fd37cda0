import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FamilyLockService } from '../billing/family-lock.service';
import { inLanes } from '../common/in-lanes';
import { transactionWithRetry } from '../database/transaction';
import { PaymentMethodsService } from './payment-methods.service';
import { PaymentSettlementService, Settled, SettlementRequest } from './payment-settlement.service';
import { ProcessorPaymentRow, processorPayments } from './processor-payment-rows';
import { StripeCustomersService } from './stripe-customers.service';
import { ACCOUNT_ID_METADATA, PAYMENT_ID_METADATA, StripeGateway } from './stripe.gateway';

/** PaymentIntents read from Stripe at once while syncing many. */
const RETRIEVE_LANES = 8;

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

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
    const result = (await this.syncPaymentIntents([paymentIntentId])).get(paymentIntentId) as PaymentIntentSync | Error;
    if (result instanceof Error) throw result;
    return result;
  }

  /**
   * The same for many intents (a batch of webhook events): our payments read at once,
   * each intent read from Stripe a few at a time, and the payments settled together in
   * one transaction. Each intent gets its own answer, or the error that stopped it: when
   * the settlement together fails, each payment is settled alone, so one payment's
   * trouble is its own.
   */
  async syncPaymentIntents(paymentIntentIds: string[]): Promise<Map<string, PaymentIntentSync | Error>> {
    const ids = [...new Set(paymentIntentIds)];
    const known = await processorPayments.byIntents(this.db.manager, ids);
    const results = new Map<string, PaymentIntentSync | Error>();
    const together = new Map<number, { intentId: string; request: SettlementRequest }>();
    const alone: { intentId: string; request: SettlementRequest }[] = [];
    await inLanes(ids, RETRIEVE_LANES, async (intentId) => {
      try {
        const intent = await this.gateway.retrievePaymentIntent(intentId);
        const payment = known.get(intentId) ?? (intent ? await this.adopt(intent.id, intent.metadata) : null);
        // Two intents naming one payment: the second is settled after the rest, and meets the first's row.
        if (!payment) results.set(intentId, 'unknown');
        else if (!intent) results.set(intentId, 'unchanged');
        else if (together.has(payment.id)) alone.push({ intentId, request: { paymentId: payment.id, intent } });
        else together.set(payment.id, { intentId, request: { paymentId: payment.id, intent } });
      } catch (err) {
        results.set(intentId, asError(err));
      }
    });
    if (together.size > 1) {
      try {
        const settled = await this.settlement.settleMany([...together.values()].map((t) => t.request));
        for (const [paymentId, { intentId }] of together) results.set(intentId, (settled.get(paymentId) as Settled).change);
      } catch {
        // Nothing of it was written: settled one by one below, where an error is only its own payment's.
        alone.unshift(...together.values());
      }
    } else {
      alone.unshift(...together.values());
    }
    for (const { intentId, request } of alone) {
      try {
        results.set(intentId, (await this.settlement.settle(request.paymentId, request.intent)).change);
      } catch (err) {
        results.set(intentId, asError(err));
      }
    }
    return results;
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
