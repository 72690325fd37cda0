import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { billingToday } from '../billing-config/billing-date';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, DomainException, NotFoundException } from '../common/errors';
import { formatMoney } from '../common/money';
import { requestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { TaxService } from '../taxes/tax.service';
import { CREDIT_APPLIED_HOOK, type CreditAppliedHook } from './credit-applied.hook';
import { CREDIT_VOIDED_HOOK, type CreditVoidedHook } from './credit-voided.hook';
import { FamilyLockService } from './family-lock.service';
import { LedgerPostings, PaymentMethod, TransactionRow, UNUSED_DAYS_CREDIT_CONDITION } from './ledger-postings';
import { BillingErrorCode } from './billing.error-codes';
import { CommonErrorCode } from '../common/common.error-codes';

export interface PaymentInput {
  accountId: number;
  method: Extract<PaymentMethod, 'cash' | 'check' | 'wire'>;
  amount: number;
  reference?: string | null;
  date?: string;
  idempotencyKey?: string | null;
}

export interface OneTimeInput {
  accountId: number;
  serviceId: number;
  quantity?: number;
  price?: number;
  date?: string;
  description?: string;
}

export interface AdjustmentInput {
  accountId: number;
  serviceId: number;
  amount?: number;
  date?: string;
  description?: string;
}

/** Money a payment processor confirmed, for recordProcessorPayment. */
export interface ProcessorPaymentInput {
  accountId: number;
  method: Extract<PaymentMethod, 'card' | 'bank'>;
  amount: number;
  date: string;
  description: string;
  reference: string;
  idempotencyKey: string;
  createdBy: number | null;
}

export interface PostedTransaction {
  transaction: TransactionRow;
  applied: { creditId: number; invoiceId: number; amount: number }[];
}

/**
 * What a billing clerk does to the ledger by hand: payments, one-time charges,
 * adjustments, debit reversals, credit voids and applying credit. Each runs in
 * one transaction under the family lock, refuses closed periods, and leaves one
 * audit entry per row it writes.
 */
@Injectable()
export class LedgerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: FamilyLockService,
    private readonly postings: LedgerPostings,
    private readonly catalog: CatalogService,
    private readonly taxes: TaxService,
    private readonly billingConfig: BillingConfigService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CREDIT_APPLIED_HOOK) private readonly creditAppliedHook: CreditAppliedHook,
    @Inject(CREDIT_VOIDED_HOOK) private readonly creditVoidedHook: CreditVoidedHook,
  ) {}

  today(): string {
    return billingToday(this.clock, this.config.BILLING_TIME_ZONE);
  }

  private actorId(): number | null {
    return requestContext.current()?.actor?.userId ?? null;
  }

  async takePayment(input: PaymentInput): Promise<PostedTransaction> {
    if ((input.method === 'check' || input.method === 'wire') && !input.reference?.trim()) {
      throw new BadInputException([
        { field: 'reference', rule: 'required', message: `reference is required for a ${input.method} payment` },
      ]);
    }
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, input.accountId);
      if (input.idempotencyKey) {
        const [existing]: { id: number; amount: number; payment_method: string }[] = await em.query(
          'SELECT id, amount, payment_method FROM transactions WHERE account_id = ? AND idempotency_key = ?',
          [input.accountId, input.idempotencyKey],
        );
        if (existing) {
          if (Number(existing.amount) !== input.amount || existing.payment_method !== input.method) {
            throw new ConflictException(
              CommonErrorCode.IdempotencyKeyReused,
              `The Idempotency-Key ${input.idempotencyKey} was already used for a different payment on this account`,
            );
          }
          return { transaction: (await this.postings.get(em, Number(existing.id))) as TransactionRow, applied: [] };
        }
      }
      const date = input.date ?? this.today();
      await this.billingConfig.assertOpen(em, date, 'A payment');
      const id = await this.postings.insert(em, {
        accountId: input.accountId,
        kind: 'payment',
        side: 'credit',
        amount: input.amount,
        taxes: [],
        date,
        description: `${input.method[0].toUpperCase()}${input.method.slice(1)} payment${input.reference ? ` (${input.reference})` : ''}`,
        paymentMethod: input.method,
        reference: input.reference?.trim() || null,
        idempotencyKey: input.idempotencyKey ?? null,
        createdBy: this.actorId(),
      });
      const applied = await this.postings.autoApply(em, input.accountId);
      await this.creditAppliedHook.creditApplied(em, input.accountId);
      return this.recorded(em, 'payment.create', id, applied);
    });
  }

  async postOneTime(input: OneTimeInput): Promise<PostedTransaction> {
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, input.accountId);
      return this.postOneTimeLocked(em, input);
    });
  }

  /** postOneTime inside the caller's transaction, which holds the account's family lock. */
  async postOneTimeLocked(em: EntityManager, input: OneTimeInput): Promise<PostedTransaction> {
    const service = await this.catalog.requireService(em, input.serviceId, 'serviceId');
    if (service.kind === 'adjustment') {
      throw new BadInputException([
        {
          field: 'serviceId',
          rule: 'notAdjustment',
          message: 'adjustment services are posted as adjustments, not one-time transactions',
        },
      ]);
    }
    const quantity = input.quantity ?? 1;
    const date = input.date ?? this.today();
    await this.billingConfig.assertOpen(em, date, 'A one-time transaction');
    const amount = (input.price ?? service.price) * quantity;
    if (amount <= 0) throw new BadInputException([{ field: 'price', rule: 'positive', message: 'the charge must be more than zero' }]);
    const settings = await this.billingConfig.effective(em, input.accountId);
    const ctx = await this.taxes.contextFor(em, input.accountId, { exempt: settings.taxExempt });
    const id = await this.postings.insert(em, {
      accountId: input.accountId,
      kind: 'debit',
      side: 'debit',
      amount,
      taxes: this.taxes.taxLines(ctx, amount, service.taxIds),
      date,
      description: input.description?.trim() || (quantity > 1 ? `${service.name} × ${quantity}` : service.name),
      serviceId: service.id,
      quantity,
      createdBy: this.actorId(),
    });
    return this.recorded(em, 'transaction.create', id, []);
  }

  async postAdjustment(input: AdjustmentInput): Promise<PostedTransaction> {
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, input.accountId);
      const service = await this.catalog.requireService(em, input.serviceId, 'serviceId');
      if (service.kind !== 'adjustment' || !service.adjustmentSide) {
        throw new BadInputException([
          { field: 'serviceId', rule: 'adjustmentService', message: 'serviceId must name an adjustment service' },
        ]);
      }
      const date = input.date ?? this.today();
      await this.billingConfig.assertOpen(em, date, 'An adjustment');
      const amount = input.amount ?? service.price;
      if (amount <= 0) throw new BadInputException([{ field: 'amount', rule: 'positive', message: 'amount must be more than zero' }]);
      const settings = await this.billingConfig.effective(em, input.accountId);
      const ctx = await this.taxes.contextFor(em, input.accountId, { exempt: settings.taxExempt });
      const id = await this.postings.insert(em, {
        accountId: input.accountId,
        kind: 'adjustment',
        side: service.adjustmentSide,
        amount,
        taxes: this.taxes.taxLines(ctx, amount, service.taxIds),
        date,
        description: input.description?.trim() || service.name,
        serviceId: service.id,
        quantity: 1,
        createdBy: this.actorId(),
      });
      const applied = service.adjustmentSide === 'credit' ? await this.postings.autoApply(em, input.accountId) : [];
      if (service.adjustmentSide === 'credit') await this.creditAppliedHook.creditApplied(em, input.accountId);
      return this.recorded(em, 'transaction.create', id, applied);
    });
  }

  /**
   * Reversing a debit writes a discount of the same amount and taxes. On an
   * invoice the discount pays that invoice down; on a debit still waiting for an
   * invoice the two cancel each other and neither is ever invoiced.
   */
  async reverseDebit(transactionId: number, reason?: string, effectiveDate?: string): Promise<PostedTransaction> {
    return transactionWithRetry(this.db, async (em) => {
      const debit = await this.requireTransaction(em, transactionId);
      await this.locks.lock(em, debit.accountId);
      const locked = (await this.postings.get(em, transactionId)) as TransactionRow;
      if (locked.side !== 'debit' || locked.kind === 'void') {
        throw new ConflictException(
          BillingErrorCode.NotADebit,
          `Transaction ${transactionId} is a ${locked.kind}; only debits can be reversed`,
        );
      }
      if (locked.correctedByTransactionId) {
        throw new ConflictException(
          BillingErrorCode.AlreadyReversed,
          `Debit ${transactionId} was already reversed by transaction ${locked.correctedByTransactionId}`,
        );
      }
      await this.billingConfig.assertOpen(em, locked.date, `Debit ${transactionId}`);
      if (locked.invoiceId) await this.assertInvoiceChangeable(em, locked.invoiceId);
      const date = await this.correctionDate(em, effectiveDate, { date: locked.date, what: `Debit ${transactionId}` });
      const id = await this.postReversal(em, locked, reason, date);
      const applied = await this.postings.autoApply(em, locked.accountId);
      await this.creditAppliedHook.creditApplied(em, locked.accountId);
      return this.recorded(em, 'debit.reverse', id, applied, locked);
    });
  }

  /**
   * The day a correction is dated: the one asked for, else today. It never falls on
   * or before the accounting close date, and one asked for never comes before what it corrects.
   */
  async correctionDate(em: EntityManager, effectiveDate: string | undefined, correcting: { date: string; what: string }): Promise<string> {
    const date = effectiveDate ?? this.today();
    await this.billingConfig.assertOpen(em, date, `A correction of ${correcting.what.charAt(0).toLowerCase()}${correcting.what.slice(1)}`);
    if (effectiveDate !== undefined && effectiveDate < correcting.date) {
      throw new DomainException(
        BillingErrorCode.CorrectionBeforeOriginal,
        `${correcting.what} is dated ${correcting.date}; a correction of it cannot be dated earlier, on ${effectiveDate}.`,
        [{ field: 'effectiveDate', rule: 'notBeforeOriginal', message: `effectiveDate cannot be before ${correcting.date}` }],
      );
    }
    return date;
  }

  /** Writes the reversing discount of a debit, dated `date`, and puts it on the debit's invoice. The caller holds the lock. */
  async postReversal(em: EntityManager, debit: TransactionRow, reason: string | undefined, date: string): Promise<number> {
    const taxes = await this.postings.taxesOf(em, debit.id);
    const id = await this.postings.insert(em, {
      accountId: debit.accountId,
      kind: 'discount',
      side: 'credit',
      amount: debit.amount,
      taxes,
      date,
      description: `Reversal of ${debit.description}${reason ? `: ${reason}` : ''}`,
      serviceId: debit.serviceId,
      quantity: debit.quantity,
      correctsTransactionId: debit.id,
      offsetsUninvoiced: debit.invoiceId === null,
      createdBy: this.actorId(),
    });
    if (debit.invoiceId !== null) {
      const [inv]: { remaining: number }[] = await em.query('SELECT total - paid AS remaining FROM invoices WHERE id = ?', [
        debit.invoiceId,
      ]);
      await this.postings.apply(em, id, debit.invoiceId, Math.min(Number(inv.remaining), debit.total));
    }
    await this.takeBackUnusedDaysCredits(em, debit, date);
    return id;
  }

  /**
   * The reversal gives the whole charge back, so the unused days of it already
   * credited when the service was removed (or its quantity changed) are no longer
   * owed: they are voided with it, or the customer would get those days back twice.
   */
  private async takeBackUnusedDaysCredits(em: EntityManager, debit: TransactionRow, date: string): Promise<void> {
    if (debit.accountServiceId === null || debit.periodStart === null || debit.periodEnd === null) return;
    const credits: { id: number }[] = await em.query(
      `SELECT id FROM transactions
        WHERE account_service_id = ? AND service_id <=> ? AND ${UNUSED_DAYS_CREDIT_CONDITION} AND corrected_by_transaction_id IS NULL
          AND period_start >= ? AND period_end <= ?
        ORDER BY id`,
      [debit.accountServiceId, debit.serviceId, debit.periodStart, debit.periodEnd],
    );
    for (const { id } of credits) {
      const credit = (await this.postings.get(em, Number(id))) as TransactionRow;
      await this.writeVoid(em, credit, `its charge (transaction ${debit.id}) was reversed`, date);
    }
  }

  /**
   * Voiding a credit takes it off every invoice it paid and writes a void row of
   * the same amount, so the running balance shows the credit undone.
   */
  async voidCredit(transactionId: number, reason?: string, effectiveDate?: string): Promise<PostedTransaction> {
    return transactionWithRetry(this.db, (em) => this.voidCreditLocked(em, transactionId, reason, effectiveDate));
  }

  /** voidCredit() inside the caller's transaction, for a payment reversal that records its refund in the same commit. */
  async voidCreditLocked(em: EntityManager, transactionId: number, reason?: string, effectiveDate?: string): Promise<PostedTransaction> {
    const credit = await this.requireTransaction(em, transactionId);
    await this.locks.lock(em, credit.accountId);
    const locked = (await this.postings.get(em, transactionId)) as TransactionRow;
    if (locked.side !== 'credit') {
      throw new ConflictException(
        BillingErrorCode.NotACredit,
        `Transaction ${transactionId} is a ${locked.kind}; only credits can be voided`,
      );
    }
    if (locked.correctedByTransactionId) {
      throw new ConflictException(
        BillingErrorCode.AlreadyVoided,
        `Credit ${transactionId} was already voided by transaction ${locked.correctedByTransactionId}`,
      );
    }
    if (locked.correctsTransactionId) {
      throw new ConflictException(
        BillingErrorCode.ReversalCannotBeVoided,
        `Credit ${transactionId} is the reversal of debit ${locked.correctsTransactionId}; charge the service again instead of voiding the reversal`,
      );
    }
    if (locked.kind === 'discount' && locked.accountServiceId !== null && locked.periodStart !== null) {
      throw new ConflictException(
        BillingErrorCode.UnusedDaysCredit,
        `Credit ${transactionId} gives back unused days of a service; it goes only with the charge it credits (reverse that charge), or charge the days again with an adjustment`,
      );
    }
    await this.billingConfig.assertOpen(em, locked.date, `Credit ${transactionId}`);
    const date = await this.correctionDate(em, effectiveDate, { date: locked.date, what: `Credit ${transactionId}` });
    const id = await this.writeVoid(em, locked, reason, date);
    // In the same transaction, so a card or bank payment voided from the ledger is reversed
    // at our end too: its state, the reconciliation report and a later reversal request all agree.
    await this.creditVoidedHook.creditVoided(em, locked.id, id);
    return this.recorded(em, 'credit.void', id, [], locked);
  }

  /** Takes the credit off every invoice it paid and writes its void row, dated `date`. The caller holds the lock. */
  private async writeVoid(em: EntityManager, credit: TransactionRow, reason: string | undefined, date: string): Promise<number> {
    const [frozen]: { number: string }[] = await em.query(
      `SELECT i.number FROM credit_applications a JOIN invoices i ON i.id = a.invoice_id
        WHERE a.credit_transaction_id = ? AND a.removed_at IS NULL AND i.frozen = 1 LIMIT 1`,
      [credit.id],
    );
    if (frozen) {
      throw new ConflictException(
        BillingErrorCode.InvoiceFrozen,
        `Credit ${credit.id} pays frozen invoice ${frozen.number}; unfreeze it before voiding the credit`,
      );
    }
    await this.postings.removeApplications(em, 'a.credit_transaction_id = ?', [credit.id], 'credit voided');
    const taxes = await this.postings.taxesOf(em, credit.id);
    return this.postings.insert(em, {
      accountId: credit.accountId,
      kind: 'void',
      side: 'debit',
      amount: credit.amount,
      taxes,
      date,
      description: `Void of ${credit.description}${reason ? `: ${reason}` : ''}`,
      serviceId: credit.serviceId,
      correctsTransactionId: credit.id,
      createdBy: this.actorId(),
    });
  }

  /** Only a debit's description may change; everything about its money is fixed. */
  async editDebitDescription(transactionId: number, description: string): Promise<TransactionRow> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.requireTransaction(em, transactionId);
      await this.locks.lock(em, before.accountId);
      if (before.side !== 'debit' || before.kind === 'void') {
        throw new ConflictException(
          BillingErrorCode.NotADebit,
          `Transaction ${transactionId} is a ${before.kind}; only a debit's description can be edited`,
        );
      }
      await em.query('UPDATE transactions SET description = ? WHERE id = ?', [description.trim(), transactionId]);
      const after = (await this.postings.get(em, transactionId)) as TransactionRow;
      await this.audit.recordAction(em, {
        action: 'debit.describe',
        entityType: 'transaction',
        entityId: transactionId,
        accountId: before.accountId,
        before: { description: before.description },
        after: { description: after.description },
      });
      return after;
    });
  }

  /**
   * Applies up to `amount` of the payer's available credit to one invoice, oldest
   * credit first. The payer is the invoice's account, or the parent when the
   * invoice is linked to a parent's invoice.
   */
  async applyCredits(invoiceId: number, amount: number): Promise<{ invoiceId: number; applied: number }> {
    return transactionWithRetry(this.db, async (em) => {
      const [head]: { account_id: number }[] = await em.query('SELECT account_id FROM invoices WHERE id = ?', [invoiceId]);
      if (!head) throw new NotFoundException('Invoice', invoiceId);
      await this.locks.lock(em, Number(head.account_id));
      const [inv]: { account_id: number; number: string; total: number; paid: number; frozen: number; is_void: number; payer: number }[] =
        await em.query(
          `SELECT i.account_id, i.number, i.total, i.paid, i.frozen, i.is_void, COALESCE(p.account_id, i.account_id) AS payer
             FROM invoices i LEFT JOIN invoices p ON p.id = i.parent_invoice_id WHERE i.id = ?`,
          [invoiceId],
        );
      await this.assertInvoiceChangeable(em, invoiceId);
      const remaining = Number(inv.total) - Number(inv.paid);
      const credits = await this.postings.openCredits(em, Number(inv.payer));
      const available = credits.reduce((s, c) => s + c.left, 0);
      const currency = this.config.CURRENCY;
      if (amount > available) {
        throw new BadInputException([
          { field: 'amount', rule: 'max', message: `amount is more than the ${formatMoney(available, currency)} of credit available` },
        ]);
      }
      if (amount > remaining) {
        throw new BadInputException([
          {
            field: 'amount',
            rule: 'max',
            message: `amount is more than the ${formatMoney(remaining, currency)} left on invoice ${inv.number}`,
          },
        ]);
      }
      const applied = await this.postings.spread(em, credits, [{ id: invoiceId, remaining }], amount);
      await this.creditAppliedHook.creditApplied(em, Number(inv.account_id));
      await this.audit.recordAction(em, {
        action: 'invoice.apply_credits',
        entityType: 'invoice',
        entityId: invoiceId,
        accountId: Number(inv.account_id),
        before: { paid: Number(inv.paid) },
        after: { paid: Number(inv.paid) + amount, applications: applied },
      });
      return { invoiceId, applied: amount };
    });
  }

  async assertInvoiceChangeable(em: EntityManager, invoiceId: number): Promise<void> {
    const [inv]: { number: string; frozen: number; is_void: number }[] = await em.query(
      'SELECT number, frozen, is_void FROM invoices WHERE id = ?',
      [invoiceId],
    );
    if (!inv) throw new NotFoundException('Invoice', invoiceId);
    if (Number(inv.is_void))
      throw new ConflictException(BillingErrorCode.InvoiceVoid, `Invoice ${inv.number} is void and cannot be changed`);
    if (Number(inv.frozen))
      throw new ConflictException(BillingErrorCode.InvoiceFrozen, `Invoice ${inv.number} is frozen; unfreeze it before changing it`);
  }

  private async requireTransaction(em: EntityManager, id: number): Promise<TransactionRow> {
    const row = await this.postings.get(em, id);
    if (!row) throw new NotFoundException('Transaction', id);
    return row;
  }

  private async recorded(
    em: EntityManager,
    action: string,
    id: number,
    applied: PostedTransaction['applied'],
    corrected?: TransactionRow,
  ): Promise<PostedTransaction> {
    const transaction = (await this.postings.get(em, id)) as TransactionRow;
    await this.audit.recordAction(em, {
      action,
      entityType: 'transaction',
      entityId: id,
      accountId: transaction.accountId,
      before: corrected ? { correctedTransaction: corrected.id, correctedBy: null } : null,
      after: { ...transaction, applied },
    });
    return { transaction, applied };
  }

  /**
   * Records money a payment processor confirmed (a card or bank payment) and applies it
   * like any payment. Runs in the caller's transaction, which already holds the family
   * lock, so the processor's own row and this ledger row commit together. The
   * idempotency key ties the row to the processor payment: it can be recorded once.
   */
  async recordProcessorPayment(em: EntityManager, input: ProcessorPaymentInput): Promise<PostedTransaction> {
    return (await this.recordProcessorPayments(em, [input]))[0];
  }

  /**
   * recordProcessorPayment for many payments (a batch settled together), in the order
   * given, in a fixed number of statements: the rows written in one INSERT, the credit
   * of all their accounts spread at once (autoApplyMany, as autoApply spreads each),
   * and one audit entry per row, written together. The caller holds every family's lock.
   */
  async recordProcessorPayments(em: EntityManager, inputs: ProcessorPaymentInput[]): Promise<PostedTransaction[]> {
    if (!inputs.length) return [];
    for (const date of new Set(inputs.map((i) => i.date))) await this.billingConfig.assertOpen(em, date, 'A payment');
    const ids = await this.postings.insertManyKeyed(
      em,
      inputs.map((input) => ({
        accountId: input.accountId,
        kind: 'payment' as const,
        side: 'credit' as const,
        amount: input.amount,
        taxes: [],
        date: input.date,
        description: input.description,
        paymentMethod: input.method,
        reference: input.reference,
        idempotencyKey: input.idempotencyKey,
        createdBy: input.createdBy,
      })),
    );
    const accounts = [...new Set(inputs.map((i) => i.accountId))];
    const applied = await this.postings.autoApplyMany(em, accounts);
    await this.creditAppliedHook.creditAppliedMany(em, accounts);
    const rows = await this.postings.getMany(em, ids);
    const posted = inputs.map((input, i) => ({
      transaction: rows.get(ids[i]) as TransactionRow,
      applied: applied.get(input.accountId) ?? [],
    }));
    await this.audit.recordActions(
      em,
      posted.map(({ transaction, applied: spread }) => ({
        action: 'payment.create',
        entityType: 'transaction',
        entityId: transaction.id,
        accountId: transaction.accountId,
        before: null,
        after: { ...transaction, applied: spread },
      })),
    );
    return posted;
  }
}
