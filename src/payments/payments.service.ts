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
import { PaymentSettlementService, SettlementRequest } from './payment-settlement.service';
import { PaymentFailedException, PaymentInProgressException, ProcessorRefusedException } from './payments.exception';
import { ATTEMPT_WINDOW_SECONDS, ProcessorPaymentRow, processorPayments } from './processor-payment-rows';
import { StripeCustomersService } from './stripe-customers.service';
import { ProcessorMethodType, StripeGateway } from './stripe.gateway';
import { CommonErrorCode } from '../common/common.error-codes';
import { inLanes } from '../common/in-lanes';

/** One payment of payMany(): what pay() takes. */
export interface PaymentRequest {
  method: ProcessorMethodType;
  dto: ProcessorPaymentRequestDto;
  idempotencyKey: string;
}

/** A payment payMany() wrote and may ask the processor for, with its method's id at Stripe. */
interface ClaimedPayment {
  payment: ProcessorPaymentRow;
  stripeMethodId: string;
}

/** Payments of one payMany() asked of the processor at once: each waits mostly on it. */
const CHARGE_LANES = 8;

/** Payments of one payMany() settled in one transaction, their families locked together. */
const SETTLE_GROUP = 25;

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

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

  /**
   * Takes many payments at once (an autopay batch), each under its own key as pay() takes
   * one: the new ones written in one transaction under every family's lock, each asked of
   * the processor a few at a time, their answers settled together. A request whose key
   * was used already, or a set that cannot be written together (a method detached since,
   * say), goes through pay() one by one, so each keeps pay()'s rules and its own error.
   * Answers, in the order asked, each payment as it ended (succeeded, pending or failed)
   * or the error that stopped its request. `progress` is called after each request.
   */
  async payMany(requests: PaymentRequest[], progress: () => void = () => {}): Promise<(ProcessorPaymentRow | Error)[]> {
    const results: (ProcessorPaymentRow | Error | undefined)[] = requests.map(() => undefined);
    let claimed: Map<number, ClaimedPayment>;
    try {
      claimed = await this.claimNew(requests);
    } catch {
      // Nothing of it was written: each request on its own below, where an error is only its own.
      claimed = new Map();
    }
    const asked = await this.askMany([...claimed.values()], progress);
    const settling: SettlementRequest[] = [];
    for (const [index, { payment }] of claimed) {
      const answer = asked.get(payment.id) as SettlementRequest | Error;
      if (answer instanceof Error) results[index] = answer;
      else settling.push(answer);
    }
    const settled = await this.settleAll(settling, progress);
    for (const [index, { payment }] of claimed) results[index] ??= settled.get(payment.id);
    for (let index = 0; index < requests.length; index++) {
      if (claimed.has(index)) continue;
      const { method, dto, idempotencyKey } = requests[index];
      results[index] = await this.pay(method, dto, idempotencyKey).then(
        async (paid) => (await processorPayments.byId(this.db.manager, paid.id)) as ProcessorPaymentRow,
        async (err: unknown) =>
          err instanceof PaymentFailedException ? ((await processorPayments.byId(this.db.manager, err.paymentId)) ?? err) : asError(err),
      );
      progress();
    }
    return results as (ProcessorPaymentRow | Error)[];
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

  /**
   * Writes the requests whose keys are new, pending, in one transaction; answers them by
   * their index in `requests`, with the saved method each is charged to. Requests whose
   * key was used already are left out, for pay() to find.
   */
  private async claimNew(requests: PaymentRequest[]): Promise<Map<number, ClaimedPayment>> {
    if (!requests.length) return new Map();
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lockMany(
        em,
        requests.map((r) => r.dto.accountId),
      );
      const keyOf = (r: PaymentRequest) => `${r.dto.accountId}/${r.idempotencyKey}`;
      const used = await processorPayments.byIdempotencyKeys(
        em,
        requests.map((r) => ({ accountId: r.dto.accountId, key: r.idempotencyKey })),
      );
      const fresh = requests.map((request, index) => ({ request, index })).filter(({ request }) => !used.has(keyOf(request)));
      if (!fresh.length) return new Map();
      const today = this.ledger.today();
      const dateOf = (r: PaymentRequest) => r.dto.date ?? today;
      for (const date of new Set(fresh.map(({ request }) => dateOf(request)))) await this.billingConfig.assertOpen(em, date, 'A payment');
      const methods = await this.methods.requireUsableMany(
        em,
        fresh.map(({ request: r }) => ({ accountId: r.dto.accountId, methodId: r.dto.paymentMethodId, type: r.method })),
        'paymentMethodId',
      );
      const createdBy = requestContext.current()?.actor?.userId ?? null;
      await em.query(
        `INSERT INTO processor_payments (account_id, payment_method_id, method, amount, currency, payment_date, idempotency_key,
           request_fingerprint, created_by) VALUES ?`,
        [
          fresh.map(({ request: r }) => [
            r.dto.accountId,
            r.dto.paymentMethodId,
            r.method,
            r.dto.amount,
            this.config.CURRENCY,
            dateOf(r),
            r.idempotencyKey,
            requestFingerprint(r.method, r.dto),
            createdBy,
          ]),
        ],
      );
      const keys = fresh.map(({ request: r }) => [r.dto.accountId, r.idempotencyKey]);
      // Each made as the processor's caller, as pay() makes one: no other request may ask while this one does (claimAttempt).
      await em.query('UPDATE processor_payments SET attempted_at = CURRENT_TIMESTAMP(3) WHERE (account_id, idempotency_key) IN (?)', [
        keys,
      ]);
      const made = await processorPayments.byIdempotencyKeys(
        em,
        fresh.map(({ request: r }) => ({ accountId: r.dto.accountId, key: r.idempotencyKey })),
      );
      const claimed = new Map<number, ClaimedPayment>();
      fresh.forEach(({ request, index }, i) => {
        claimed.set(index, { payment: made.get(keyOf(request)) as ProcessorPaymentRow, stripeMethodId: methods[i].stripePaymentMethodId });
      });
      await this.audit.recordActions(
        em,
        [...claimed.values()].map(({ payment }) => ({
          action: 'processor_payment.create',
          entityType: 'processor_payment',
          entityId: payment.id,
          accountId: payment.accountId,
          after: {
            id: payment.id,
            method: payment.method,
            amount: payment.amount,
            currency: payment.currency,
            date: payment.date,
            paymentMethodId: payment.paymentMethodId,
          },
        })),
      );
      return claimed;
    });
  }

  /** Asks the processor for each claimed payment, a few at a time; answers what each answer means to settle, or the error. */
  private async askMany(claimed: ClaimedPayment[], progress: () => void): Promise<Map<number, SettlementRequest | Error>> {
    const answers = new Map<number, SettlementRequest | Error>();
    if (!claimed.length) return answers;
    const customers = await this.customers.findMany(
      this.db.manager,
      claimed.map((c) => c.payment.accountId),
    );
    await inLanes(claimed, CHARGE_LANES, async ({ payment, stripeMethodId }) => {
      try {
        answers.set(payment.id, await this.ask(payment, stripeMethodId, customers.get(payment.accountId) as string));
      } catch (err) {
        answers.set(payment.id, asError(err));
      }
      progress();
    });
    return answers;
  }

  /**
   * Settles the answers a group at a time (one transaction each), or one by one when a
   * group fails; answers each payment as it ended, or its error.
   */
  private async settleAll(requests: SettlementRequest[], progress: () => void): Promise<Map<number, ProcessorPaymentRow | Error>> {
    const settled = new Map<number, ProcessorPaymentRow | Error>();
    for (let i = 0; i < requests.length; i += SETTLE_GROUP) {
      const group = requests.slice(i, i + SETTLE_GROUP);
      try {
        for (const [id, { payment }] of await this.settlement.settleMany(group)) settled.set(id, payment);
      } catch {
        // Nothing of the group was written: one by one, where an error is only its own payment's.
        for (const r of group) {
          try {
            settled.set(r.paymentId, (await this.settlement.settle(r.paymentId, r.intent, r.declined)).payment);
          } catch (err) {
            settled.set(r.paymentId, asError(err));
          }
        }
      }
      progress();
    }
    return settled;
  }

  /** Asks the processor (outside any database transaction), then settles its answer. */
  private async submit(payment: ProcessorPaymentRow): Promise<ProcessorPaymentRow> {
    const [method]: { stripe_payment_method_id: string }[] = await this.db.query(
      'SELECT stripe_payment_method_id FROM payment_methods WHERE id = ?',
      [payment.paymentMethodId],
    );
    const customerId = (await this.customers.find(this.db.manager, payment.accountId)) as string;
    const answer = await this.ask(payment, method.stripe_payment_method_id, customerId);
    return (await this.settlement.settle(answer.paymentId, answer.intent, answer.declined)).payment;
  }

  /**
   * Charges the payment at the processor and answers what to settle: the intent, or the
   * decline's reason. When it is unknown whether Stripe charged, the payment is left
   * pending for a retry, which asks again under the same key, and the error is thrown.
   */
  private async ask(payment: ProcessorPaymentRow, stripeMethodId: string, customerId: string): Promise<SettlementRequest> {
    try {
      const result = await this.gateway.charge({
        paymentId: payment.id,
        accountId: payment.accountId,
        method: payment.method,
        amount: payment.amount,
        currency: payment.currency,
        customerId,
        paymentMethodId: stripeMethodId,
      });
      return result.kind === 'declined'
        ? { paymentId: payment.id, intent: result.intent, declined: result.reason }
        : { paymentId: payment.id, intent: result.intent };
    } catch (err) {
      if (err instanceof ProcessorRefusedException) return { paymentId: payment.id, intent: null, declined: err.message };
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
