import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { EntityManager } from 'typeorm';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { joinEffectiveSettings } from '../billing-config/effective-settings';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TaxService, type AccountTaxContext } from '../taxes/tax.service';
import { nextBillingDate } from './billing-schedule';
import { OPEN_CREDIT_CONDITION, payableInvoicesParams, sumOverPayableInvoices } from './ledger-postings';
import { RecurringCharges } from './recurring-charges';

export class BillingFiguresDto {
  @ApiProperty({ description: 'Owed on open invoices whose due date has come, in minor units' }) dueNow: number;
  @ApiProperty({ description: 'Owed on all open invoices, in minor units' }) balanceDue: number;
  @ApiProperty({ description: "The part of balanceDue owed on child accounts' invoices linked to this account's, in minor units" })
  balanceDueOnChildInvoices: number;
  @ApiProperty({ description: 'Credit not yet applied to an invoice, in minor units' }) availableCredits: number;
  @ApiProperty({ description: 'Owed on all open invoices plus charges not yet invoiced, in minor units' }) totalBalance: number;
  @ApiProperty({ description: 'Recurring services and packages for one period with their taxes, in minor units' })
  nextRecurringCharge: number;
  @ApiProperty({ description: 'Charges (with tax) not yet on an invoice, in minor units' }) uninvoiced: number;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-12-01',
    description: 'The next date a bill run invoices the account: its next anchor day after what it was already billed for',
  })
  nextBillingDate: string | null;
  @ApiProperty({ example: 'USD' }) currency: string;
}

/** Signed effect of a row on what the account owes; the running balance is its cumulative sum in date order. */
export const SIGNED_TOTAL = `CASE WHEN t.side = 'debit' THEN t.amount + t.tax_amount ELSE -(t.amount + t.tax_amount) END`;

/** An invoice aliased `i` that still counts toward what its payer owes: every invoice not voided. */
export const OWING_INVOICE_CONDITION = `i.is_void = 0`;

/** What an invoice aliased `i` still asks for; balance due is its sum over owing invoices. */
export const OWED_ON_INVOICE = `i.total - i.paid`;

/** A debit-side charge that still waits for an invoice. */
export const UNINVOICED_CHARGE_CONDITION = `t.side = 'debit' AND t.kind IN ('debit','adjustment') AND t.invoice_id IS NULL
  AND t.corrected_by_transaction_id IS NULL`;

/**
 * The account's money figures, each defined here once. The API, the admin, the
 * documents and the invariant checker all read them from this service.
 */
@Injectable()
export class BillingFiguresService {
  constructor(
    private readonly recurring: RecurringCharges,
    private readonly taxes: TaxService,
    private readonly billingConfig: BillingConfigService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Every figure as of today. `nextRecurring: false` leaves out the two that look
   * ahead (next recurring charge and next billing date, as 0 and null), for callers
   * that only need what is owed and held; `nextRecurringCharge: false` leaves out only
   * the charge (as 0), the costliest figure, which reads the catalogue and the taxes.
   */
  async figures(
    em: EntityManager,
    accountId: number,
    today: string,
    opts: { nextRecurring?: boolean; nextRecurringCharge?: boolean } = {},
  ): Promise<BillingFiguresDto> {
    const ahead = opts.nextRecurring !== false;
    return {
      ...(await this.owedAndHeld(em, accountId, today)),
      nextRecurringCharge: ahead && opts.nextRecurringCharge !== false ? await this.nextRecurringCharge(em, accountId) : 0,
      nextBillingDate: ahead ? await this.nextBillingDate(em, accountId, today) : null,
    };
  }

  /**
   * Every figure of each account as of today, the look-ahead ones read set-wise: what a batch
   * of documents prints. The options leave figures out as figures() does.
   */
  async figuresOf(
    em: EntityManager,
    accountIds: number[],
    today: string,
    opts: { nextRecurring?: boolean; nextRecurringCharge?: boolean } = {},
  ): Promise<Map<number, BillingFiguresDto>> {
    const ids = [...new Set(accountIds)];
    const ahead = opts.nextRecurring !== false;
    const charges = ahead && opts.nextRecurringCharge !== false ? await this.nextRecurringCharges(em, ids) : new Map<number, number>();
    const dates = ahead ? await this.nextBillingDates(em, ids, today) : new Map<number, string | null>();
    const figures = new Map<number, BillingFiguresDto>();
    for (const accountId of ids) {
      figures.set(accountId, {
        ...(await this.owedAndHeld(em, accountId, today)),
        nextRecurringCharge: charges.get(accountId) ?? 0,
        nextBillingDate: dates.get(accountId) ?? null,
      });
    }
    return figures;
  }

  /** The figures of what is owed and held, in one query. */
  private async owedAndHeld(
    em: EntityManager,
    accountId: number,
    today: string,
  ): Promise<Omit<BillingFiguresDto, 'nextRecurringCharge' | 'nextBillingDate'>> {
    const owed = (condition: string) => sumOverPayableInvoices(OWED_ON_INVOICE, `${OWING_INVOICE_CONDITION}${condition}`);
    const [row]: Record<string, string>[] = await em.query(
      `SELECT
         ${owed('')} AS balance_due,
         ${owed(' AND i.due_date <= ?')} AS due_now,
         COALESCE((SELECT SUM(t.amount + t.tax_amount) FROM transactions t WHERE t.account_id = ? AND ${OPEN_CREDIT_CONDITION}), 0)
           - COALESCE((SELECT SUM(a.amount) FROM credit_applications a JOIN transactions t ON t.id = a.credit_transaction_id
                        WHERE t.account_id = ? AND ${OPEN_CREDIT_CONDITION} AND a.removed_at IS NULL), 0) AS available,
         COALESCE((SELECT SUM(t.amount + t.tax_amount) FROM transactions t WHERE t.account_id = ? AND ${UNINVOICED_CHARGE_CONDITION}), 0) AS uninvoiced,
         ${owed(' AND i.account_id <> ?')} AS on_child_invoices`,
      [
        ...payableInvoicesParams(accountId),
        ...payableInvoicesParams(accountId, [today]),
        accountId,
        accountId,
        accountId,
        ...payableInvoicesParams(accountId, [accountId]),
      ],
    );
    const balanceDue = Number(row.balance_due);
    const uninvoiced = Number(row.uninvoiced);
    return {
      dueNow: Number(row.due_now),
      balanceDue,
      balanceDueOnChildInvoices: Number(row.on_child_invoices),
      availableCredits: Number(row.available),
      totalBalance: balanceDue + uninvoiced,
      uninvoiced,
      currency: this.config.CURRENCY,
    };
  }

  /**
   * From the account's anchor day and the latest billing date it was invoiced for.
   * Null for an unknown account, and for one a bill run will never invoice again:
   * no service still on or with days not yet charged, no charge waiting for an
   * invoice, no child account whose invoices it carries (a disconnected account).
   */
  async nextBillingDate(em: EntityManager, accountId: number, today: string): Promise<string | null> {
    return (await this.nextBillingDates(em, [accountId], today)).get(accountId) ?? null;
  }

  /** nextBillingDate of many accounts in one query; unknown accounts are left out. */
  async nextBillingDates(em: EntityManager, accountIds: number[], today: string): Promise<Map<number, string | null>> {
    const dates = new Map<number, string | null>();
    if (!accountIds.length) return dates;
    const rows: { id: number; anchor_day: number; billed_for: string | null; billable: number }[] = await em.query(
      `SELECT a.id, e.anchor_day,
              (SELECT DATE_FORMAT(MAX(i.generated_for), '%Y-%m-%d') FROM invoices i WHERE i.account_id = a.id) AS billed_for,
              (EXISTS (SELECT 1 FROM account_services s WHERE s.account_id = a.id
                         AND (s.removed_on IS NULL OR s.removed_on > ?
                              OR GREATEST(s.added_on, COALESCE(s.charged_through, s.added_on)) < s.removed_on))
               OR EXISTS (SELECT 1 FROM transactions t WHERE t.account_id = a.id AND ${UNINVOICED_CHARGE_CONDITION})
               OR EXISTS (SELECT 1 FROM accounts c WHERE c.parent_account_id = a.id)) AS billable
         FROM accounts a ${joinEffectiveSettings('a', 'e')} WHERE a.id IN (?)`,
      [today, accountIds],
    );
    for (const row of rows) {
      dates.set(
        Number(row.id),
        Number(row.billable) ? nextBillingDate({ anchorDay: Number(row.anchor_day), billedFor: row.billed_for ?? null, today }) : null,
      );
    }
    return dates;
  }

  /** The running balance at the end of a date: every row dated on or before it, debits less credits. */
  async balanceOn(em: EntityManager, accountId: number, date: string): Promise<number> {
    const [row]: { b: string }[] = await em.query(
      `SELECT COALESCE(SUM(${SIGNED_TOTAL}), 0) AS b FROM transactions t WHERE t.account_id = ? AND t.transaction_date <= ?`,
      [accountId, date],
    );
    return Number(row.b);
  }

  /** balanceOn of many accounts on one date, in one query; every account asked is in the answer. */
  async balancesOn(em: EntityManager, accountIds: number[], date: string): Promise<Map<number, number>> {
    const balances = new Map<number, number>(accountIds.map((id) => [id, 0]));
    if (!accountIds.length) return balances;
    const rows: { account_id: number; b: string }[] = await em.query(
      `SELECT t.account_id, COALESCE(SUM(${SIGNED_TOTAL}), 0) AS b FROM transactions t
        WHERE t.account_id IN (?) AND t.transaction_date <= ? GROUP BY t.account_id`,
      [accountIds, date],
    );
    for (const r of rows) balances.set(Number(r.account_id), Number(r.b));
    return balances;
  }

  /** Every active recurring service and package for one whole period, with the taxes that period would carry. */
  async nextRecurringCharge(em: EntityManager, accountId: number): Promise<number> {
    return (await this.nextRecurringCharges(em, [accountId])).get(accountId) ?? 0;
  }

  /**
   * nextRecurringCharge of many accounts in a fixed number of queries: their services,
   * settings and tax contexts each read once, the catalogue once for all of them.
   * An account with nothing recurring is left out (its charge is 0).
   */
  async nextRecurringCharges(em: EntityManager, accountIds: number[]): Promise<Map<number, number>> {
    const charges = new Map<number, number>();
    const rowsOf = await this.recurring.activeRowsOf(em, accountIds);
    if (!rowsOf.size) return charges;
    const billed = [...rowsOf.keys()];
    const settings = await this.billingConfig.effectiveForAccounts(em, billed);
    const contexts = await this.taxes.contextsFor(
      em,
      billed.map((accountId) => ({ accountId, exempt: settings.get(accountId)?.taxExempt ?? false })),
    );
    const lines = await this.recurring.linesForRows(em, [...rowsOf.values()].flat());
    for (const [accountId, rows] of rowsOf) {
      const ctx = contexts.get(accountId) as AccountTaxContext;
      let total = 0;
      for (const line of rows.flatMap((row) => lines.get(row.id) ?? [])) {
        total += line.amount + this.taxes.taxLines(ctx, line.amount, line.taxIds).reduce((sum, tax) => sum + tax.amount, 0);
      }
      charges.set(accountId, total);
    }
    return charges;
  }
}
