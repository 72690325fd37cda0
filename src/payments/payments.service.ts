import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { LedgerService } from '../billing/ledger.service';
import { ConflictException, NotFoundException } from '../common/errors';
import { requestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { ProcessorPaymentDto, ProcessorPaymentRequestDto } from './dto/processor-payment.dto';
import { PaymentMethodsService } from './payment-methods.service';
import { PaymentSettlementService } from './payment-settlement.service';
import { PaymentFailedException, PaymentInProgressException, ProcessorRefusedException } from './payments.exception';
import { ATTEMPT_WINDOW_SECONDS, ProcessorPaymentRow, processorPayments } from './processor-payment-rows';
import { StripeCustomersService } from './stripe-customers.service';
import { ProcessorMethodType, StripeGateway } from './stripe.gateway';
import { CommonErrorCode } from '../common/common.error-codes';

/** How often a retried request looks at a payment another request is still submitting. */
const WAIT_POLL_MS = 100;

/** The request as it was meant: a retry must match it field for field to get the first result back. */
export function requestFingerprint(method: ProcessorMethodType, dto: ProcessorPaymentRequestDto): string {
  const canonical = JSON.stringify([method, dto.accountId, dto.paymentMethodId, dto.amount, dto.date ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Card and bank payments from a saved method. Our row is written first (pending), then
 * the processor is asked under a key derived from that row, then the answer is settled:
 * a card that succeeds is on the ledger before the request returns, a bank debit stays
 * pending until the processor's webhook settles it, a decline is kept as failed with the
 * processor's reason and nothing reaches the ledger.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: FamilyLockService,
    private readonly ledger: LedgerService,
    private readonly billingConfig: BillingConfigService,
    private readonly methods: PaymentMethodsService,
    private readonly customers: StripeCustomersService,
    private readonly gateway: StripeGateway,
    private readonly settlement: PaymentSettlementService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Takes a payment. The same Idempotency-Key with the same request gives the first
   * result (a failure included); with a different request it is refused.
   */
  async pay(method: ProcessorMethodType, dto: ProcessorPaymentRequestDto, idempotencyKey: string): Promise<ProcessorPaymentDto> {
    const { payment, attempt } = await this.claim(method, dto, idempotencyKey);
    const settled = attempt ? await this.submit(payment) : await this.outcomeOf(payment);
    if (settled.status === 'failed') throw new PaymentFailedException(settled.id, settled.failureReason ?? 'no reason was given');
    return this.present(settled.id);
  }

  async list(accountId: number): Promise<ProcessorPaymentDto[]> {
    const [row]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!row) throw new NotFoundException('Account', accountId);
    return processorPayments.present(this.db.manager, 'p.account_id = ?', [accountId]);
  }

  async present(paymentId: number): Promise<ProcessorPaymentDto> {
    const [payment] = await processorPayments.present(this.db.manager, 'p.id = ?', [paymentId]);
    if (!payment) throw new NotFoundException('Payment', paymentId);
    return payment;
  }

  /**
   * Finds the payment this key already made, or writes a new pending one, under the
   * family lock so that two requests with one key cannot both write. `attempt` says
   * whether this request is the one to ask the processor.
   */
  private async claim(
    method: ProcessorMethodType,
    dto: ProcessorPaymentRequestDto,
    idempotencyKey: string,
  ): Promise<{ payment: ProcessorPaymentRow; attempt: boolean }> {
    const fingerprint = requestFingerprint(method, dto);
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, dto.accountId);
      const existing = await processorPayments.byIdempotencyKey(em, dto.accountId, idempotencyKey);
      if (existing) {
        if (existing.fingerprint !== fingerprint) {
          throw new ConflictException(
            CommonErrorCode.IdempotencyKeyReused,
            `The Idempotency-Key ${idempotencyKey} was already used for a different payment on this account`,
          );
        }
        return { payment: existing, attempt: await processorPayments.claimAttempt(em, existing.id) };
      }
      const date = dto.date ?? this.ledger.today();
      await this.billingConfig.assertOpen(em, date, 'A payment');
      await this.methods.requireUsable(em, dto.accountId, dto.paymentMethodId, method, 'paymentMethodId');
      const result: { insertId: number } = await em.query(
        `INSERT INTO processor_payments (account_id, payment_method_id, method, amount, currency, payment_date, idempotency_key,
           request_fingerprint, attempted_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP(3), ?)`,
        [
          dto.accountId,
          dto.paymentMethodId,
          method,
          dto.amount,
          this.config.CURRENCY,
          date,
          idempotencyKey,
          fingerprint,
          requestContext.current()?.actor?.userId ?? null,
        ],
      );
      const payment = (await processorPayments.byId(em, Number(result.insertId))) as ProcessorPaymentRow;
      await this.audit.recordAction(em, {
        action: 'processor_payment.create',
        entityType: 'processor_payment',
        entityId: payment.id,
        accountId: payment.accountId,
        after: { id: payment.id, method, amount: payment.amount, currency: payment.currency, date, paymentMethodId: dto.paymentMethodId },
      });
      return { payment, attempt: true };
    });
  }

  /** Asks the processor (outside any database transaction), then settles its answer. */
  private async submit(payment: ProcessorPaymentRow): Promise<ProcessorPaymentRow> {
    const [method]: { stripe_payment_method_id: string }[] = await this.db.query(
      'SELECT stripe_payment_method_id FROM payment_methods WHERE id = ?',
      [payment.paymentMethodId],
    );
    const customerId = (await this.customers.find(this.db.manager, payment.accountId)) as string;
    try {
      const result = await this.gateway.charge({
        paymentId: payment.id,
        accountId: payment.accountId,
        method: payment.method,
        amount: payment.amount,
        currency: payment.currency,
        customerId,
        paymentMethodId: method.stripe_payment_method_id,
      });
      const settled =
        result.kind === 'declined'
          ? await this.settlement.settle(payment.id, result.intent, result.reason)
          : await this.settlement.settle(payment.id, result.intent);
      return settled.payment;
    } catch (err) {
      if (err instanceof ProcessorRefusedException) {
        return (await this.settlement.settle(payment.id, null, err.message)).payment;
      }
      // Unknown whether Stripe charged: leave it pending for a retry, which asks again under the same key.
      await processorPayments.releaseAttempt(this.db.manager, payment.id);
      throw err;
    }
  }

  /**
   * The first request's result. While that request is still waiting for the processor,
   * wait for it (briefly); if it went silent, take the payment over and ask again under
   * the same Stripe key, which cannot charge twice.
   */
  private async outcomeOf(payment: ProcessorPaymentRow): Promise<ProcessorPaymentRow> {
    const deadline = Date.now() + ATTEMPT_WINDOW_SECONDS * 1000;
    let current = payment;
    while (current.inFlight) {
      if (Date.now() > deadline) throw new PaymentInProgressException(payment.id);
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
      current = (await processorPayments.byId(this.db.manager, payment.id)) as ProcessorPaymentRow;
    }
    if (current.status === 'pending' && !current.stripePaymentIntentId) {
      if (await processorPayments.claimAttempt(this.db.manager, current.id)) return this.submit(current);
      throw new PaymentInProgressException(payment.id);
    }
    return current;
  }
}
