import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountStatusWriter } from '../accounts/account-status-writer';
import { AuditService } from '../audit/audit.service';
import { addCalendarDays, isoWeekday } from '../billing-config/billing-date';
import { BillingConfigService, BillingSettings } from '../billing-config/billing-config.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { collectableInvoice } from '../billing/invoice-conditions';
import { InvoiceRows } from '../billing/invoice-rows';
import { LedgerPostings } from '../billing/ledger-postings';
import { CatalogService } from '../catalog/catalog.service';
import { mulDivRound } from '../common/money';
import { transactionWithRetry } from '../database/transaction';
import { TaxLine, TaxService } from '../taxes/tax.service';
import { CreditAppliedHook } from '../billing/credit-applied.hook';

export type DelinquencySkipReason = 'weekday' | 'exclusion_date' | 'accounting_period_closed';

export interface DelinquencyRunSummary {
  date: string;
  invoicesMarked: number;
  lateFees: { invoiceId: number; transactionId: number; amount: number }[];
  accountsSwitched: number;
  skipped: { accountId: number; reason: DelinquencySkipReason }[];
}

interface OverdueInvoice {
  id: number;
  number: string;
  dueDate: string;
  remaining: number;
  delinquent: boolean;
}

interface PlannedLateFee {
  amount: number;
  taxes: TaxLine[];
  serviceId: number;
  serviceKind: string;
}

interface PlannedInvoice extends OverdueInvoice {
  lateFee: PlannedLateFee | null;
}

interface StatusChange {
  fromStatusId: number;
  toStatusId: number;
}

type AccountPlan = { skipped: DelinquencySkipReason } | { invoices: PlannedInvoice[]; statusChange: StatusChange | null };

/** What a delinquency run would do on a date; amounts in minor units. */
export interface DelinquencyPreview {
  date: string;
  /** Invoices that would turn delinquent, each with the late fee it would draw (before and of tax). */
  invoices: {
    accountId: number;
    invoiceId: number;
    invoiceNumber: string;
    dueDate: string;
    remaining: number;
    lateFee: { amount: number; tax: number } | null;
  }[];
  statusChanges: { accountId: number; fromStatusId: number; toStatusId: number }[];
  skipped: { accountId: number; reason: DelinquencySkipReason }[];
  /** More accounts had overdue invoices than the preview looked at. */
  more: boolean;
}

type AccountOutcome =
  { skipped: DelinquencySkipReason } | { marked: number; lateFees: DelinquencyRunSummary['lateFees']; switched: boolean };

/**
 * Overdue invoices turn delinquent a number of grace days after their due date, may
 * draw one late fee each, and an account that stays delinquent long enough moves to
 * the delinquent status until it pays. Every account is handled in a transaction of
 * its own under the family lock, so a run can be repeated or resumed safely.
 */
@Injectable()
export class DelinquencyService implements CreditAppliedHook {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: FamilyLockService,
    private readonly postings: LedgerPostings,
    private readonly billingConfig: BillingConfigService,
    private readonly catalog: CatalogService,
    private readonly taxes: TaxService,
    private readonly audit: AuditService,
    private readonly invoiceRows: InvoiceRows,
    private readonly accountStatuses: AccountStatusWriter,
  ) {}

  /** `accountIds` narrows the run to some accounts (a re-run for one customer, or a test on a shared database). */
  async runForDate(date: string, options: { accountIds?: number[] } = {}): Promise<DelinquencyRunSummary> {
    const summary: DelinquencyRunSummary = { date, invoicesMarked: 0, lateFees: [], accountsSwitched: 0, skipped: [] };
    for (const accountId of await this.candidates(date, options.accountIds)) {
      const outcome = await transactionWithRetry(this.db, (em) => this.runForAccount(em, accountId, date));
      if ('skipped' in outcome) {
        summary.skipped.push({ accountId, reason: outcome.skipped });
        continue;
      }
      summary.invoicesMarked += outcome.marked;
      summary.lateFees.push(...outcome.lateFees);
      if (outcome.switched) summary.accountsSwitched++;
    }
    return summary;
  }

  /** The ledger's hook: credit landed on the payer's invoices, which may include its children's. */
  async creditApplied(em: EntityManager, accountId: number): Promise<void> {
    await this.creditAppliedMany(em, [accountId]);
  }

  /**
   * creditApplied for many payers: their families read at once, and only the accounts
   * in a delinquency (few, on a day of payments) looked at one by one.
   */
  async creditAppliedMany(em: EntityManager, accountIds: number[]): Promise<void> {
    if (!accountIds.length) return;
    const children: { id: number }[] = await em.query('SELECT id FROM accounts WHERE parent_account_id IN (?) ORDER BY id', [accountIds]);
    const family = [...new Set([...accountIds, ...children.map((c) => Number(c.id))])];
    const switched: { account_id: number }[] = await em.query('SELECT account_id FROM account_delinquency WHERE account_id IN (?)', [
      family,
    ]);
    const delinquent = new Set(switched.map((r) => Number(r.account_id)));
    for (const id of family) if (delinquent.has(id)) await this.clearIfSettled(em, id);
  }

  /**
   * Gives the account its previous status back once no delinquent invoice is left
   * unpaid, when its settings ask for that and nobody changed the status meanwhile.
   * The caller holds the family lock. Returns whether the status was restored.
   */
  async clearIfSettled(em: EntityManager, accountId: number): Promise<boolean> {
    const [switched]: { previous_status_id: number; status_id: number }[] = await em.query(
      'SELECT previous_status_id, status_id FROM account_delinquency WHERE account_id = ? FOR UPDATE',
      [accountId],
    );
    if (!switched) return false;
    const [open]: { n: number }[] = await em.query(
      'SELECT COUNT(*) AS n FROM invoices WHERE account_id = ? AND delinquent = 1 AND is_void = 0 AND paid < total',
      [accountId],
    );
    if (Number(open.n) > 0) return false;
    await em.query('DELETE FROM account_delinquency WHERE account_id = ?', [accountId]);
    const settings = await this.billingConfig.effective(em, accountId);
    const [account]: { account_status_id: number }[] = await em.query('SELECT account_status_id FROM accounts WHERE id = ?', [accountId]);
    const current = Number(account.account_status_id);
    const restore = settings.restoreStatusOnPayment && current === Number(switched.status_id);
    if (restore) await this.accountStatuses.switchTo(em, accountId, Number(switched.previous_status_id));
    await this.audit.recordAction(em, {
      action: restore ? 'account.delinquency_cleared' : 'account.delinquency_settled',
      entityType: 'account',
      entityId: accountId,
      accountId,
      before: { accountStatusId: current, previousStatusId: Number(switched.previous_status_id) },
      after: { accountStatusId: restore ? Number(switched.previous_status_id) : current },
    });
    return restore;
  }

  /**
   * What delinquency would do on `date`, for the accounts it would look at (or the
   * given ones), without writing anything or taking any lock: the same decisions as
   * a run, read from the rows as they stand.
   */
  async preview(date: string, options: { accountIds?: number[]; limit?: number } = {}): Promise<DelinquencyPreview> {
    const preview: DelinquencyPreview = { date, invoices: [], statusChanges: [], skipped: [], more: false };
    const accountIds = await this.candidates(date, options.accountIds, options.limit === undefined ? undefined : options.limit + 1);
    if (options.limit !== undefined && accountIds.length > options.limit) {
      accountIds.length = options.limit;
      preview.more = true;
    }
    for (const accountId of accountIds) {
      const plan = await this.planForAccount(this.db.manager, accountId, date, { lock: false });
      if ('skipped' in plan) {
        preview.skipped.push({ accountId, reason: plan.skipped });
        continue;
      }
      for (const invoice of plan.invoices) {
        preview.invoices.push({
          accountId,
          invoiceId: invoice.id,
          invoiceNumber: invoice.number,
          dueDate: invoice.dueDate,
          remaining: invoice.remaining,
          lateFee: invoice.lateFee && { amount: invoice.lateFee.amount, tax: invoice.lateFee.taxes.reduce((sum, t) => sum + t.amount, 0) },
        });
      }
      if (plan.statusChange) preview.statusChanges.push({ accountId, ...plan.statusChange });
    }
    return preview;
  }

  /** Accounts with an unpaid invoice due before the day; grace days are never negative, so no other can be overdue. */
  private async candidates(date: string, accountIds?: number[], limit?: number): Promise<number[]> {
    if (accountIds && !accountIds.length) return [];
    const only = accountIds ? ` AND i.account_id IN (${accountIds.map(() => '?').join(', ')})` : '';
    const rows: { account_id: number }[] = await this.db.query(
      `SELECT DISTINCT i.account_id FROM invoices i
        WHERE ${collectableInvoice('i')} AND i.due_date < ?${only}
        ORDER BY i.account_id${limit === undefined ? '' : ` LIMIT ${Number(limit)}`}`,
      [date, ...(accountIds ?? [])],
    );
    return rows.map((r) => Number(r.account_id));
  }

  private async runForAccount(em: EntityManager, accountId: number, date: string): Promise<AccountOutcome> {
    await this.locks.lock(em, accountId);
    const plan = await this.planForAccount(em, accountId, date, { lock: true });
    if ('skipped' in plan) return plan;
    const lateFees: DelinquencyRunSummary['lateFees'] = [];
    for (const invoice of plan.invoices) {
      await this.invoiceRows.markDelinquent(em, invoice.id);
      await this.audit.recordAction(em, {
        action: 'invoice.delinquent',
        entityType: 'invoice',
        entityId: invoice.id,
        accountId,
        before: { delinquent: false },
        after: { delinquent: true, date },
      });
      if (invoice.lateFee) lateFees.push(await this.chargeLateFee(em, accountId, invoice, invoice.lateFee, date));
    }
    if (plan.statusChange) await this.switchStatus(em, accountId, plan.statusChange, date);
    return { marked: plan.invoices.length, lateFees, switched: plan.statusChange !== null };
  }

  /**
   * The decisions of one account's day: which invoices turn delinquent, the fee each
   * draws, and the status switch. A run plans under the family lock with its rows
   * locked for update; a preview plans from a plain read.
   */
  private async planForAccount(em: EntityManager, accountId: number, date: string, opts: { lock: boolean }): Promise<AccountPlan> {
    const settings = await this.billingConfig.effective(em, accountId);
    if (!(await this.billingConfig.delinquencyAllowedOn(em, date, settings))) {
      return { skipped: settings.delinquencyWeekdays.includes(isoWeekday(date)) ? 'exclusion_date' : 'weekday' };
    }
    const closeDate = await this.billingConfig.closeDate(em);
    if (closeDate !== null && date <= closeDate) return { skipped: 'accounting_period_closed' };

    const rows: { id: number; number: string; due_date: string; remaining: number; delinquent: number; has_fee: number }[] = await em.query(
      `SELECT i.id, i.number, DATE_FORMAT(i.due_date, '%Y-%m-%d') AS due_date, i.total - i.paid AS remaining, i.delinquent,
              EXISTS (SELECT 1 FROM late_fees f WHERE f.invoice_id = i.id) AS has_fee
         FROM invoices i
        WHERE i.account_id = ? AND ${collectableInvoice('i')} AND i.due_date < ?
        ORDER BY i.due_date, i.id${opts.lock ? ' FOR UPDATE' : ''}`,
      [accountId, date],
    );
    const overdue: OverdueInvoice[] = rows.map((r) => ({
      id: Number(r.id),
      number: r.number,
      dueDate: r.due_date,
      remaining: Number(r.remaining),
      delinquent: Boolean(Number(r.delinquent)),
    }));

    const turning: PlannedInvoice[] = [];
    for (const [i, invoice] of overdue.entries()) {
      if (invoice.delinquent || !(date > addCalendarDays(invoice.dueDate, settings.graceDays))) continue;
      invoice.delinquent = true;
      const lateFee = Number(rows[i].has_fee) ? null : await this.lateFeeFor(em, accountId, invoice, settings);
      turning.push({ ...invoice, lateFee });
    }
    return { invoices: turning, statusChange: await this.statusChangeFor(em, accountId, overdue, settings, date) };
  }

  /** One fee per invoice, decided when the invoice turns delinquent; null when its settings ask for none. */
  private async lateFeeFor(
    em: EntityManager,
    accountId: number,
    invoice: OverdueInvoice,
    settings: BillingSettings,
  ): Promise<PlannedLateFee | null> {
    if (settings.lateFeeServiceId === null || invoice.remaining < settings.lateFeeMinimumOverdue) return null;
    const amount =
      settings.lateFeeKind === 'fixed' ? settings.lateFeeAmount : mulDivRound(invoice.remaining, settings.lateFeeRateE4, 1_000_000);
    if (amount <= 0) return null;
    const service = await this.catalog.requireService(em, settings.lateFeeServiceId, 'lateFeeServiceId');
    const ctx = await this.taxes.contextFor(em, accountId, { exempt: settings.taxExempt });
    return { amount, taxes: this.taxes.taxLines(ctx, amount, service.taxIds), serviceId: service.id, serviceKind: service.kind };
  }

  /** The fee waits for the next invoice like any charge. */
  private async chargeLateFee(
    em: EntityManager,
    accountId: number,
    invoice: OverdueInvoice,
    fee: PlannedLateFee,
    date: string,
  ): Promise<DelinquencyRunSummary['lateFees'][number]> {
    const transactionId = await this.postings.insert(em, {
      accountId,
      kind: fee.serviceKind === 'adjustment' ? 'adjustment' : 'debit',
      side: 'debit',
      amount: fee.amount,
      taxes: fee.taxes,
      date,
      description: `Late fee on ${invoice.number}`,
      serviceId: fee.serviceId,
      quantity: 1,
    });
    await em.query('INSERT INTO late_fees (invoice_id, transaction_id) VALUES (?, ?)', [invoice.id, transactionId]);
    await this.audit.recordAction(em, {
      action: 'transaction.late_fee',
      entityType: 'transaction',
      entityId: transactionId,
      accountId,
      after: { ...(await this.postings.get(em, transactionId)), lateFeeForInvoiceId: invoice.id },
    });
    return { invoiceId: invoice.id, transactionId, amount: fee.amount };
  }

  /** The status switch the day brings, if any; `invoices` already count the ones turning delinquent that day. */
  private async statusChangeFor(
    em: EntityManager,
    accountId: number,
    invoices: OverdueInvoice[],
    settings: BillingSettings,
    date: string,
  ): Promise<StatusChange | null> {
    const target = settings.delinquentStatusId;
    if (target === null) return null;
    const due = invoices.some((i) => i.delinquent && date > addCalendarDays(i.dueDate, settings.graceDays + settings.statusSwitchDays));
    if (!due) return null;
    const [account]: { account_status_id: number; disconnected_at: Date | null }[] = await em.query(
      'SELECT account_status_id, disconnected_at FROM accounts WHERE id = ?',
      [accountId],
    );
    // A disconnected account keeps its disconnect status: what it still owes is collected, not cut off again.
    if (account.disconnected_at !== null) return null;
    const current = Number(account.account_status_id);
    if (current === target) return null;
    return { fromStatusId: current, toStatusId: target };
  }

  private async switchStatus(em: EntityManager, accountId: number, change: StatusChange, date: string): Promise<void> {
    // A row left from an earlier switch keeps the status from before the first one.
    await em.query(
      `INSERT INTO account_delinquency (account_id, previous_status_id, status_id, switched_on) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE status_id = VALUES(status_id), switched_on = VALUES(switched_on)`,
      [accountId, change.fromStatusId, change.toStatusId, date],
    );
    await this.accountStatuses.switchTo(em, accountId, change.toStatusId);
    await this.audit.recordAction(em, {
      action: 'account.delinquent',
      entityType: 'account',
      entityId: accountId,
      accountId,
      before: { accountStatusId: change.fromStatusId },
      after: { accountStatusId: change.toStatusId, switchedOn: date },
    });
  }
}
