import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { BadInputException } from '../common/errors';
import { transactionWithRetry } from '../database/transaction';
import { TaxService } from '../taxes/tax.service';
import { addDays, addMonths, daysBetween, isBillingDate, lastDayOf, maxDate, minDate, Period, prorate } from './billing-calendar';
import { UNINVOICED_CHARGE_CONDITION } from './billing-figures.service';
import { FamilyLockService } from './family-lock.service';
import { LedgerPostings } from './ledger-postings';
import { ACCOUNT_SERVICE_COLUMNS, RecurringCharges, toAccountServiceRow } from './recurring-charges';

export interface GeneratedInvoice {
  invoiceId: number | null;
  created: boolean;
}

export interface InvoicePreview {
  accountId: number;
  /** The invoice for this date exists already; the lines shown are the ones it has. */
  alreadyInvoiced: boolean;
  total: number;
  taxTotal: number;
  lines: { description: string; amount: number; taxAmount: number }[];
}

/**
 * Builds the invoice of one account for one billing date: the function a bill
 * run calls per account. Safe to call any number of times for the same date:
 * the unique key on (account, billing date) and on (service, period) mean a
 * retried or replayed call finds its earlier work instead of charging twice.
 */
@Injectable()
export class InvoiceGenerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: FamilyLockService,
    private readonly postings: LedgerPostings,
    private readonly recurring: RecurringCharges,
    private readonly taxes: TaxService,
    private readonly billingConfig: BillingConfigService,
    private readonly audit: AuditService,
  ) {}

  async generate(accountId: number, billingDate: string): Promise<GeneratedInvoice> {
    if (!isBillingDate(billingDate)) {
      throw new BadInputException([{ field: 'billingDate', rule: 'date', message: 'billingDate must be a date as YYYY-MM-DD' }]);
    }
    return transactionWithRetry(this.db, async (em) => {
      const family = await this.locks.lock(em, accountId);
      const result = await this.generateLocked(em, accountId, billingDate, false);
      if (family.parentAccountId !== null && result.invoiceId !== null) {
        await this.linkToParent(em, family.parentAccountId, result.invoiceId, billingDate);
      }
      return result;
    });
  }

  /**
   * What generating would create for these accounts on this date, without keeping
   * any of it: the same code runs inside a transaction that is always rolled back.
   */
  async preview(accountIds: number[], billingDate: string): Promise<InvoicePreview[]> {
    if (!isBillingDate(billingDate)) {
      throw new BadInputException([{ field: 'billingDate', rule: 'date', message: 'billingDate must be a date as YYYY-MM-DD' }]);
    }
    const previews: InvoicePreview[] = [];
    for (const accountId of accountIds) {
      const runner = this.db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction('READ COMMITTED');
      try {
        const em = runner.manager;
        await this.locks.lock(em, accountId);
        const [existing]: { id: number }[] = await em.query('SELECT id FROM invoices WHERE account_id = ? AND generated_for = ?', [
          accountId,
          billingDate,
        ]);
        const result = await this.generateLocked(em, accountId, billingDate, false);
        const lines: { description: string; amount: number; tax_amount: number }[] =
          result.invoiceId === null
            ? []
            : await em.query('SELECT description, amount, tax_amount FROM transactions WHERE invoice_id = ? ORDER BY id', [
                result.invoiceId,
              ]);
        previews.push({
          accountId,
          alreadyInvoiced: Boolean(existing),
          total: lines.reduce((sum, l) => sum + Number(l.amount) + Number(l.tax_amount), 0),
          taxTotal: lines.reduce((sum, l) => sum + Number(l.tax_amount), 0),
          lines: lines.map((l) => ({ description: l.description, amount: Number(l.amount), taxAmount: Number(l.tax_amount) })),
        });
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    }
    return previews;
  }

  /** The period an invoice on this date covers: the coming month in advance, the month just ended in arrears. */
  static periodFor(billingDate: string, timing: 'advance' | 'arrears'): Period {
    return timing === 'advance'
      ? { start: billingDate, end: addMonths(billingDate, 1) }
      : { start: addMonths(billingDate, -1), end: billingDate };
  }

  private async linkToParent(em: EntityManager, parentId: number, childInvoiceId: number, billingDate: string): Promise<void> {
    const parent = await this.generateLocked(em, parentId, billingDate, true);
    await em.query('UPDATE invoices SET parent_invoice_id = ? WHERE id = ? AND parent_invoice_id IS NULL', [
      parent.invoiceId,
      childInvoiceId,
    ]);
    await this.postings.autoApply(em, parentId);
  }

  /** Caller holds the family lock. `ensure` creates the invoice even with nothing on it, for a parent carrying children. */
  async generateLocked(em: EntityManager, accountId: number, billingDate: string, ensure: boolean): Promise<GeneratedInvoice> {
    const [existing]: { id: number }[] = await em.query('SELECT id FROM invoices WHERE account_id = ? AND generated_for = ?', [
      accountId,
      billingDate,
    ]);
    if (existing) return { invoiceId: Number(existing.id), created: false };
    await this.billingConfig.assertOpen(em, billingDate, 'An invoice');
    const settings = await this.billingConfig.effective(em, accountId);
    const period = InvoiceGenerationService.periodFor(billingDate, settings.billTiming);
    const periodDays = daysBetween(period.start, period.end);
    const ctx = await this.taxes.contextFor(em, accountId, { exempt: settings.taxExempt });

    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${ACCOUNT_SERVICE_COLUMNS} FROM account_services s
        WHERE s.account_id = ? AND s.added_on < ? AND (s.removed_on IS NULL OR s.removed_on > ?)
          AND (s.charged_through IS NULL OR s.charged_through < ?) ORDER BY s.id FOR UPDATE`,
      [accountId, period.end, period.start, period.end],
    );
    const chargeIds: number[] = [];
    for (const row of rows.map(toAccountServiceRow)) {
      // The part of the period this service is billed for here: in advance the
      // whole coming period, in arrears the days it was actually on the account.
      const from = maxDate(period.start, maxDate(row.addedOn, row.chargedThrough ?? row.addedOn));
      const to = row.removedOn ? minDate(period.end, row.removedOn) : period.end;
      if (from >= to) continue;
      if (settings.billTiming === 'advance' && row.addedOn > period.start) continue; // its first days were charged when it was added
      const days = daysBetween(from, to);
      const partial = days < periodDays;
      const prorated = partial && ((from > period.start && row.prorateOnAdd) || (to < period.end && row.prorateOnRemove !== false));
      for (const line of await this.recurring.linesFor(em, row)) {
        const amount = prorated ? prorate(line.amount, days, periodDays, settings.prorationRounding) : line.amount;
        if (amount <= 0) continue;
        const id = await this.postings.insert(em, {
          accountId,
          kind: 'debit',
          side: 'debit',
          amount,
          taxes: this.taxes.taxLines(ctx, amount, line.taxIds),
          date: billingDate,
          description: `${line.description} (${from} to ${addDays(to, -1)})${prorated ? `, prorated ${days}/${periodDays} days` : ''}`,
          serviceId: line.serviceId,
          accountServiceId: row.id,
          quantity: line.quantity,
          periodStart: from,
          periodEnd: addDays(to, -1),
        });
        chargeIds.push(id);
      }
      await em.query('UPDATE account_services SET charged_through = ? WHERE id = ?', [to, row.id]);
    }

    const pending: { id: number }[] = await em.query(
      `SELECT t.id FROM transactions t WHERE t.account_id = ? AND ${UNINVOICED_CHARGE_CONDITION} AND t.transaction_date <= ? FOR UPDATE`,
      [accountId, billingDate],
    );
    if (!pending.length && !ensure) return { invoiceId: null, created: false };

    const dueDate = addDays(billingDate, settings.dueDays);
    const insert: { insertId: number } = await em.query(
      `INSERT INTO invoices (account_id, invoice_date, due_date, period_start, period_end, months, generated_for, message)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
      [accountId, billingDate, dueDate, period.start, lastDayOf(period), billingDate, settings.invoiceMessage],
    );
    const invoiceId = Number(insert.insertId);
    const ids = pending.map((p) => Number(p.id));
    await this.postings.fillInvoice(em, invoiceId, ids);
    const applied = await this.postings.autoApply(em, accountId);
    await this.audit.recordAction(em, {
      action: 'invoice.generate',
      entityType: 'invoice',
      entityId: invoiceId,
      accountId,
      before: null,
      after: { billingDate, period: { start: period.start, end: lastDayOf(period) }, charges: chargeIds, transactions: ids, applied },
    });
    return { invoiceId, created: true };
  }
}
