import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { addCalendarDays, isoWeekday } from '../billing-config/billing-date';
import { BillingConfigService, BillingSettings } from '../billing-config/billing-config.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { LedgerPostings } from '../billing/ledger-postings';
import { CatalogService } from '../catalog/catalog.service';
import { mulDivRound } from '../common/money';
import { transactionWithRetry } from '../database/transaction';
import { TaxService } from '../taxes/tax.service';
import { CreditAppliedHook } from './credit-applied.hook';

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
  ) {}

  /** `accountIds` narrows the run to some accounts (a re-run for one customer, or a test on a shared database). */
  async runForDate(date: string, options: { accountIds?: number[] } = {}): Promise<DelinquencyRunSummary> {
    const summary: DelinquencyRunSummary = { date, invoicesMarked: 0, lateFees: [], accountsSwitched: 0, skipped: [] };
    if (options.accountIds && !options.accountIds.length) return summary;
    const only = options.accountIds ? ` AND i.account_id IN (${options.accountIds.map(() => '?').join(', ')})` : '';
    // Grace days are never negative, so only invoices due before the day can be overdue on it.
    const candidates: { account_id: number }[] = await this.db.query(
      `SELECT DISTINCT i.account_id FROM invoices i
        WHERE i.is_void = 0 AND i.frozen = 0 AND i.paid < i.total AND i.due_date < ?${only}
        ORDER BY i.account_id`,
      [date, ...(options.accountIds ?? [])],
    );
    for (const { account_id } of candidates) {
      const accountId = Number(account_id);
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
    const children: { id: number }[] = await em.query('SELECT id FROM accounts WHERE parent_account_id = ? ORDER BY id', [accountId]);
    for (const id of [accountId, ...children.map((c) => Number(c.id))]) await this.clearIfSettled(em, id);
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
    if (restore) await em.query('UPDATE accounts SET account_status_id = ? WHERE id = ?', [switched.previous_status_id, accountId]);
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

  private async runForAccount(em: EntityManager, accountId: number, date: string): Promise<AccountOutcome> {
    await this.locks.lock(em, accountId);
    const settings = await this.billingConfig.effective(em, accountId);
    if (!(await this.billingConfig.delinquencyAllowedOn(em, date, settings))) {
      return { skipped: settings.delinquencyWeekdays.includes(isoWeekday(date)) ? 'exclusion_date' : 'weekday' };
    }
    const closeDate = await this.billingConfig.closeDate(em);
    if (closeDate !== null && date <= closeDate) return { skipped: 'accounting_period_closed' };

    const rows: { id: number; number: string; due_date: string; remaining: number; delinquent: number }[] = await em.query(
      `SELECT i.id, i.number, DATE_FORMAT(i.due_date, '%Y-%m-%d') AS due_date, i.total - i.paid AS remaining, i.delinquent
         FROM invoices i
        WHERE i.account_id = ? AND i.is_void = 0 AND i.frozen = 0 AND i.paid < i.total AND i.due_date < ?
        ORDER BY i.due_date, i.id FOR UPDATE`,
      [accountId, date],
    );
    const invoices: OverdueInvoice[] = rows.map((r) => ({
      id: Number(r.id),
      number: r.number,
      dueDate: r.due_date,
      remaining: Number(r.remaining),
      delinquent: Boolean(Number(r.delinquent)),
    }));

    let marked = 0;
    const lateFees: DelinquencyRunSummary['lateFees'] = [];
    for (const invoice of invoices) {
      if (invoice.delinquent || !(date > addCalendarDays(invoice.dueDate, settings.graceDays))) continue;
      await em.query('UPDATE invoices SET delinquent = 1 WHERE id = ?', [invoice.id]);
      await this.audit.recordAction(em, {
        action: 'invoice.delinquent',
        entityType: 'invoice',
        entityId: invoice.id,
        accountId,
        before: { delinquent: false },
        after: { delinquent: true, date },
      });
      invoice.delinquent = true;
      marked++;
      const fee = await this.chargeLateFee(em, accountId, invoice, settings, date);
      if (fee) lateFees.push(fee);
    }
    const switched = await this.switchStatus(em, accountId, invoices, settings, date);
    return { marked, lateFees, switched };
  }

  /** One fee per invoice, decided when the invoice turns delinquent; it waits for the next invoice like any charge. */
  private async chargeLateFee(
    em: EntityManager,
    accountId: number,
    invoice: OverdueInvoice,
    settings: BillingSettings,
    date: string,
  ): Promise<DelinquencyRunSummary['lateFees'][number] | null> {
    if (settings.lateFeeServiceId === null || invoice.remaining < settings.lateFeeMinimumOverdue) return null;
    const amount =
      settings.lateFeeKind === 'fixed' ? settings.lateFeeAmount : mulDivRound(invoice.remaining, settings.lateFeeRateE4, 1_000_000);
    if (amount <= 0) return null;
    const [existing]: unknown[] = await em.query('SELECT id FROM late_fees WHERE invoice_id = ?', [invoice.id]);
    if (existing) return null;
    const service = await this.catalog.requireService(em, settings.lateFeeServiceId, 'lateFeeServiceId');
    const ctx = await this.taxes.contextFor(em, accountId, { exempt: settings.taxExempt });
    const transactionId = await this.postings.insert(em, {
      accountId,
      kind: service.kind === 'adjustment' ? 'adjustment' : 'debit',
      side: 'debit',
      amount,
      taxes: this.taxes.taxLines(ctx, amount, service.taxIds),
      date,
      description: `Late fee on ${invoice.number}`,
      serviceId: service.id,
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
    return { invoiceId: invoice.id, transactionId, amount };
  }

  private async switchStatus(
    em: EntityManager,
    accountId: number,
    invoices: OverdueInvoice[],
    settings: BillingSettings,
    date: string,
  ): Promise<boolean> {
    const target = settings.delinquentStatusId;
    if (target === null) return false;
    const due = invoices.some((i) => i.delinquent && date > addCalendarDays(i.dueDate, settings.graceDays + settings.statusSwitchDays));
    if (!due) return false;
    const [account]: { account_status_id: number; disconnected_at: Date | null }[] = await em.query(
      'SELECT account_status_id, disconnected_at FROM accounts WHERE id = ?',
      [accountId],
    );
    // A disconnected account keeps its disconnect status: what it still owes is collected, not cut off again.
    if (account.disconnected_at !== null) return false;
    const current = Number(account.account_status_id);
    if (current === target) return false;
    // A row left from an earlier switch keeps the status from before the first one.
    await em.query(
      `INSERT INTO account_delinquency (account_id, previous_status_id, status_id, switched_on) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE status_id = VALUES(status_id), switched_on = VALUES(switched_on)`,
      [accountId, current, target, date],
    );
    await em.query('UPDATE accounts SET account_status_id = ? WHERE id = ?', [target, accountId]);
    await this.audit.recordAction(em, {
      action: 'account.delinquent',
      entityType: 'account',
      entityId: accountId,
      accountId,
      before: { accountStatusId: current },
      after: { accountStatusId: target, switchedOn: date },
    });
    return true;
  }
}
