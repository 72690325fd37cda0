import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, ActionRecord } from '../audit/audit.service';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { EFFECTIVE_SETTINGS_VIEW } from '../billing-config/effective-settings';
import type { BillingSettings } from '../billing-config/billing-settings';
import { NotFoundException } from '../common/errors';
import { AccountTaxContext, TaxLine, TaxService } from '../taxes/tax.service';
import { addDays, addMonths, daysBetween, lastDayOf, maxDate, minDate, Period, periodContaining, prorate } from './billing-calendar';
import { UNINVOICED_CHARGE_CONDITION } from './billing-figures.service';
import { billingDayCondition, serviceOwesCondition } from './due-on-date';
import { CHARGE_SOURCES, type ChargePlan, type ChargeSource, type SourcedCharge } from './charge-sources';
import { ChargeSpan, checkInvoiceBounds, ParkingRule, SafetyBounds, spanKey } from './invoice-bounds';
import { InvoiceNumbering } from './invoice-numbering';
import { InvoiceRows, type NewInvoice } from './invoice-rows';
import { LedgerPostings, OPEN_CREDIT_CONDITION } from './ledger-postings';
import { ACCOUNT_SERVICE_COLUMNS, AccountServiceRow, RecurringCharges, RecurringLine, toAccountServiceRow } from './recurring-charges';

export interface GeneratedInvoice {
  invoiceId: number | null;
  created: boolean;
}

export interface ParkedInvoice {
  accountId: number;
  rule: ParkingRule;
  reason: string;
  /** What the invoice would have totalled, in minor units. */
  total: number;
  /** The average of the account's last invoices it was compared with, when it has any. */
  usualTotal: number | null;
}

export interface BatchOutcome {
  /** Accounts with an invoice for the date, made now or found from before. */
  invoices: Map<number, GeneratedInvoice>;
  /** Accounts whose invoice broke a safety bound: nothing was written for them. */
  parked: ParkedInvoice[];
}

export interface BatchOptions {
  /** Accounts that get an invoice even with nothing on it: parents carrying their children's. */
  ensure?: ReadonlySet<number>;
  /** When set, each computed invoice is checked first and parked instead of written when it fails. */
  bounds?: SafetyBounds | null;
  /**
   * Writes the invoices without issuing them, for a transaction that is rolled back
   * (a preview): they take no number, so the sequence and its lock are left alone.
   */
  draft?: boolean;
}

/** A recurring charge, or one a measuring domain planned (usage, calls), computed for the date, ready to be written. */
interface PlannedCharge extends ChargeSpan {
  accountId: number;
  serviceId: number;
  quantity: number;
  description: string;
  taxes: TaxLine[];
  periodStart: string;
  periodEnd: string;
  /** The measured charge this line writes, when it is one. */
  sourced?: SourcedCharge;
  /** Set once written. */
  id?: number;
}

interface PendingCharge extends ChargeSpan {
  id: number;
  accountId: number;
}

interface AccountPlan {
  settings: BillingSettings;
  period: Period;
  charges: PlannedCharge[];
  /** account_services rows whose charged-through date moves, with the new date. */
  chargedThrough: { id: number; to: string }[];
  pending: PendingCharge[];
}

/** The period an invoice on this date covers: the coming month in advance, the month just ended in arrears. */
export function invoicePeriod(billingDate: string, timing: 'advance' | 'arrears'): Period {
  return timing === 'advance'
    ? { start: billingDate, end: addMonths(billingDate, 1) }
    : { start: addMonths(billingDate, -1), end: billingDate };
}

/**
 * The recurring charges one account service owes for an invoice period: in
 * advance the whole coming period, in arrears the days it was on the account,
 * from the day after what it was last charged through. Null when nothing is owed.
 */
export function chargesFor(
  row: AccountServiceRow,
  lines: RecurringLine[],
  period: Period,
  settings: Pick<BillingSettings, 'billTiming' | 'prorationRounding'>,
  taxLines: (amount: number, taxIds: number[]) => TaxLine[],
): { charges: Omit<PlannedCharge, 'accountId'>[]; chargedThrough: string } | null {
  const from = maxDate(period.start, maxDate(row.addedOn, row.chargedThrough ?? row.addedOn));
  const to = row.removedOn ? minDate(period.end, row.removedOn) : period.end;
  if (from >= to) return null;
  if (settings.billTiming === 'advance' && row.addedOn > period.start) return null; // its first days were charged when it was added
  const periodDays = daysBetween(period.start, period.end);
  const days = daysBetween(from, to);
  const partial = days < periodDays;
  const prorated = partial && ((from > period.start && row.prorateOnAdd) || (to < period.end && row.prorateOnRemove !== false));
  const charges: Omit<PlannedCharge, 'accountId'>[] = [];
  for (const line of lines) {
    const amount = prorated ? prorate(line.amount, days, periodDays, settings.prorationRounding) : line.amount;
    if (amount <= 0) continue;
    const taxes = taxLines(amount, line.taxIds);
    charges.push({
      accountServiceId: row.id,
      serviceId: line.serviceId,
      quantity: line.quantity,
      amount,
      taxes,
      taxAmount: taxes.reduce((sum, t) => sum + t.amount, 0),
      description: `${line.description} (${from} to ${addDays(to, -1)})${prorated ? `, prorated ${days}/${periodDays} days` : ''}`,
      periodStart: from,
      periodEnd: addDays(to, -1),
    });
  }
  return { charges, chargedThrough: to };
}

/**
 * Everything one account service owes up to the end of an invoice period: any
 * earlier days never charged come first, one service period at a time, then the
 * period itself. Days stay uncharged before the period when its invoice was made
 * before the service joined (an invoice generated ahead, a service added with an
 * earlier date) or when a bill run never came; they are charged on the next
 * invoice rather than lost. Null when nothing is owed.
 */
export function chargesOwed(
  row: AccountServiceRow,
  lines: RecurringLine[],
  period: Period,
  settings: Pick<BillingSettings, 'billTiming' | 'prorationRounding'>,
  taxLines: (amount: number, taxIds: number[]) => TaxLine[],
): { charges: Omit<PlannedCharge, 'accountId'>[]; chargedThrough: string } | null {
  // Invoice periods start on the billing day, so the period's first day is the anchor of every earlier one.
  const anchor = Number(period.start.slice(8, 10));
  const from = maxDate(row.addedOn, row.chargedThrough ?? row.addedOn);
  const charges: Omit<PlannedCharge, 'accountId'>[] = [];
  let chargedThrough: string | null = null;
  for (let p = from < period.start ? periodContaining(from, anchor) : period; p.start < period.end; p = periodContaining(p.end, anchor)) {
    const owed = chargesFor(row, lines, p, settings, taxLines);
    if (!owed) continue;
    charges.push(...owed.charges);
    chargedThrough = owed.chargedThrough;
  }
  return chargedThrough === null ? null : { charges, chargedThrough };
}

const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Invoices many accounts for one billing date with set-based SQL: a fixed number
 * of reads for the whole set, multi-row inserts for invoices, charges and their
 * taxes. Both a bill run batch and a single account's generation go through here,
 * so there is one definition of what an invoice holds. The caller holds the family
 * locks (FamilyLockService.lockMany) inside one transaction.
 *
 * Safe to repeat: an account that already has an invoice for the date is only
 * reported, and the unique key on (account service, service, period start) refuses
 * a recurring charge written twice.
 */
@Injectable()
export class InvoiceBatchService {
  constructor(
    private readonly postings: LedgerPostings,
    private readonly recurring: RecurringCharges,
    private readonly taxes: TaxService,
    private readonly billingConfig: BillingConfigService,
    private readonly audit: AuditService,
    private readonly numbering: InvoiceNumbering,
    private readonly invoiceRows: InvoiceRows,
    @Inject(CHARGE_SOURCES) private readonly sources: readonly ChargeSource[],
  ) {}

  /**
   * Invoices the accounts, then their parents (created if they had nothing to
   * bill), links each child's invoice to its parent's, and lets the parents'
   * credit pay them. `parents` maps each account to its parent as locked.
   */
  async invoiceFamilies(
    em: EntityManager,
    accountIds: number[],
    billingDate: string,
    parents: ReadonlyMap<number, number | null>,
    opts: Pick<BatchOptions, 'bounds' | 'draft'> = {},
  ): Promise<BatchOutcome> {
    const outcome = await this.invoiceLocked(em, accountIds, billingDate, opts);
    const children = [...outcome.invoices].filter(
      ([accountId, inv]) => inv.invoiceId !== null && (parents.get(accountId) ?? null) !== null,
    );
    if (!children.length) return outcome;
    const parentIds = [...new Set(children.map(([accountId]) => parents.get(accountId) as number))];
    const forParents = await this.invoiceLocked(em, parentIds, billingDate, {
      ensure: new Set(parentIds),
      bounds: opts.bounds,
      draft: opts.draft,
    });
    for (const [accountId, inv] of forParents.invoices) if (!outcome.invoices.has(accountId)) outcome.invoices.set(accountId, inv);
    outcome.parked.push(...forParents.parked.filter((p) => !outcome.parked.some((q) => q.accountId === p.accountId)));
    await em.query(
      `UPDATE invoices c
         JOIN accounts a ON a.id = c.account_id
         JOIN invoices p ON p.account_id = a.parent_account_id AND p.generated_for = ?
          SET c.parent_invoice_id = p.id
        WHERE c.id IN (?) AND c.parent_invoice_id IS NULL`,
      [billingDate, children.map(([, inv]) => inv.invoiceId)],
    );
    await this.postings.autoApplyMany(em, await this.withOpenCredit(em, parentIds));
    return outcome;
  }

  /**
   * Links the children's invoices of `billingDate` that found no parent invoice when
   * they were made (the parent's was parked), then lets the parent's credit pay them.
   * The caller holds the family lock. Returns how many were linked.
   */
  async linkWaitingChildren(em: EntityManager, parentAccountId: number, billingDate: string): Promise<number> {
    const linked: { affectedRows: number } = await em.query(
      `UPDATE invoices c
         JOIN accounts a ON a.id = c.account_id
         JOIN invoices p ON p.account_id = a.parent_account_id AND p.generated_for = c.generated_for
          SET c.parent_invoice_id = p.id
        WHERE a.parent_account_id = ? AND c.generated_for = ? AND c.parent_invoice_id IS NULL AND c.is_void = 0`,
      [parentAccountId, billingDate],
    );
    if (linked.affectedRows) await this.postings.autoApply(em, parentAccountId);
    return linked.affectedRows;
  }

  /** Invoices the accounts themselves, with no linking to parents. */
  async invoiceLocked(em: EntityManager, accountIds: number[], billingDate: string, opts: BatchOptions = {}): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { invoices: new Map(), parked: [] };
    const ids = [...new Set(accountIds)];
    if (!ids.length) return outcome;
    const existing: { id: number; account_id: number }[] = await em.query(
      'SELECT id, account_id FROM invoices WHERE account_id IN (?) AND generated_for = ?',
      [ids, billingDate],
    );
    for (const row of existing) outcome.invoices.set(Number(row.account_id), { invoiceId: Number(row.id), created: false });
    const todo = ids.filter((id) => !outcome.invoices.has(id));
    if (!todo.length) return outcome;
    await this.billingConfig.assertOpen(em, billingDate, 'An invoice');

    const { plans, sourced } = await this.plan(em, todo, billingDate);
    const ensure = opts.ensure ?? new Set<number>();
    let invoiced = todo.filter((id) => {
      const plan = plans.get(id) as AccountPlan;
      return plan.charges.length > 0 || plan.pending.length > 0 || ensure.has(id);
    });
    if (opts.bounds) {
      const parked = await this.park(em, invoiced, plans, billingDate, opts.bounds);
      outcome.parked.push(...parked);
      const parkedIds = new Set(parked.map((p) => p.accountId));
      invoiced = invoiced.filter((id) => !parkedIds.has(id));
      for (const id of parkedIds) plans.delete(id);
    }

    // Charged-through dates move for every account billed, invoice or not, as a single account's generation always did.
    const moves = new Map<string, number[]>();
    for (const plan of plans.values()) {
      for (const move of plan.chargedThrough) moves.set(move.to, [...(moves.get(move.to) ?? []), move.id]);
    }
    for (const [to, rowIds] of moves) {
      for (const part of chunks(rowIds)) await em.query('UPDATE account_services SET charged_through = ? WHERE id IN (?)', [to, part]);
    }
    // Every account billed settles its measured periods (usage, calls), with an invoice or not; a parked one waits for its invoice.
    const recordSourced = async () => {
      if (!sourced.length) return;
      const written = new Map<SourcedCharge, number>();
      for (const plan of plans.values()) for (const c of plan.charges) if (c.sourced && c.id !== undefined) written.set(c.sourced, c.id);
      const billed = new Set(plans.keys());
      for (const plan of sourced) await plan.record(em, billed, (charge) => written.get(charge));
    };
    if (!invoiced.length) {
      await recordSourced();
      return outcome;
    }

    const invoiceIds = await this.insertInvoices(em, invoiced, plans, billingDate);
    const chargeIds = await this.insertCharges(em, invoiced, plans, invoiceIds, billingDate);
    await recordSourced();
    const pendingIds = invoiced.flatMap((id) => (plans.get(id) as AccountPlan).pending.map((p) => p.id));
    for (const part of chunks(pendingIds)) {
      await em.query(
        `UPDATE transactions t JOIN invoices i ON i.account_id = t.account_id AND i.generated_for = ?
            SET t.invoice_id = i.id WHERE t.id IN (?)`,
        [billingDate, part],
      );
    }

    const applied = await this.postings.autoApplyMany(em, await this.withOpenCredit(em, invoiced));
    // Last of the writes, since the counter it takes holds every other issuer until this transaction ends.
    if (!opts.draft)
      await this.numbering.issue(
        em,
        invoiced.map((accountId) => invoiceIds.get(accountId) as number),
      );

    const records: ActionRecord[] = invoiced.map((accountId) => {
      const plan = plans.get(accountId) as AccountPlan;
      const charges = chargeIds.get(accountId) ?? [];
      return {
        action: 'invoice.generate',
        entityType: 'invoice',
        entityId: invoiceIds.get(accountId) as number,
        accountId,
        before: null,
        after: {
          billingDate,
          period: { start: plan.period.start, end: lastDayOf(plan.period) },
          charges,
          transactions: [...plan.pending.map((p) => p.id), ...charges].sort((a, b) => a - b),
          applied: applied.get(accountId) ?? [],
        },
      };
    });
    await this.audit.recordActions(em, records);
    for (const accountId of invoiced) outcome.invoices.set(accountId, { invoiceId: invoiceIds.get(accountId) as number, created: true });
    return outcome;
  }

  /** Reads everything the accounts' invoices depend on, in a fixed number of queries, and computes their charges. */
  private async plan(
    em: EntityManager,
    accountIds: number[],
    billingDate: string,
  ): Promise<{ plans: Map<number, AccountPlan>; sourced: ChargePlan[] }> {
    const settings = await this.billingConfig.effectiveForAccounts(em, accountIds);
    for (const id of accountIds) if (!settings.has(id)) throw new NotFoundException('Account', id);
    const plans = new Map<number, AccountPlan>();
    for (const id of accountIds) {
      const own = settings.get(id) as BillingSettings;
      plans.set(id, { settings: own, period: invoicePeriod(billingDate, own.billTiming), charges: [], chargedThrough: [], pending: [] });
    }
    const contexts = await this.taxes.contextsFor(
      em,
      accountIds.map((accountId) => ({ accountId, exempt: (settings.get(accountId) as BillingSettings).taxExempt })),
    );
    // Recurring charges come only on an account's billing day; on another date its invoice carries what waits.
    const onBillingDay: { account_id: number }[] = await em.query(
      `SELECT e.account_id FROM ${EFFECTIVE_SETTINGS_VIEW} e WHERE e.account_id IN (?) AND ${billingDayCondition('e', 'CAST(? AS DATE)')}`,
      [accountIds, billingDate],
    );
    const billedToday = new Set(onBillingDay.map((r) => Number(r.account_id)));
    // Accounts billed in advance share one period for the date, those in arrears another: one read per timing.
    const rows: AccountServiceRow[] = [];
    for (const timing of ['advance', 'arrears'] as const) {
      const ids = accountIds.filter((id) => billedToday.has(id) && (plans.get(id) as AccountPlan).settings.billTiming === timing);
      if (!ids.length) continue;
      const period = invoicePeriod(billingDate, timing);
      const found: Record<string, unknown>[] = await em.query(
        `SELECT ${ACCOUNT_SERVICE_COLUMNS} FROM (SELECT CAST(? AS DATE) AS period_start, CAST(? AS DATE) AS period_end, ? AS timing) p
           JOIN account_services s ON s.account_id IN (?)
          WHERE ${serviceOwesCondition({ start: 'p.period_start', end: 'p.period_end' }, 'p.timing')}
          ORDER BY s.id FOR UPDATE`,
        [period.start, period.end, timing, ids],
      );
      rows.push(...found.map(toAccountServiceRow));
    }
    rows.sort((a, b) => a.id - b.id);
    const lines = await this.recurring.linesForRows(em, rows);
    for (const row of rows) {
      const plan = plans.get(row.accountId) as AccountPlan;
      const ctx = contexts.get(row.accountId) as AccountTaxContext;
      const owed = chargesOwed(row, lines.get(row.id) ?? [], plan.period, plan.settings, (amount, taxIds) =>
        this.taxes.taxLines(ctx, amount, taxIds),
      );
      if (!owed) continue;
      plan.charges.push(...owed.charges.map((c) => ({ ...c, accountId: row.accountId })));
      plan.chargedThrough.push({ id: row.id, to: owed.chargedThrough });
    }
    // One after another: they share the batch's connection and transaction.
    const sourced: ChargePlan[] = [];
    if (billedToday.size) for (const source of this.sources) sourced.push(await source.plan(em, [...billedToday], billingDate));
    for (const charge of sourced.flatMap((p) => p.charges)) {
      const taxes = this.taxes.taxLines(contexts.get(charge.accountId) as AccountTaxContext, charge.amount, charge.taxIds);
      (plans.get(charge.accountId) as AccountPlan).charges.push({
        accountId: charge.accountId,
        // Not a service period of the account's service: measured charges stay out of its coverage and its credits.
        accountServiceId: null,
        serviceId: charge.serviceId,
        quantity: charge.quantity,
        amount: charge.amount,
        taxes,
        taxAmount: taxes.reduce((sum, t) => sum + t.amount, 0),
        description: charge.description,
        periodStart: charge.periodStart,
        periodEnd: charge.periodEnd,
        sourced: charge,
      });
    }

    const pending: Record<string, unknown>[] = await em.query(
      `SELECT t.id, t.account_id, t.amount, t.tax_amount, t.account_service_id, t.service_id,
              DATE_FORMAT(t.period_start, '%Y-%m-%d') AS period_start, DATE_FORMAT(t.period_end, '%Y-%m-%d') AS period_end
         FROM transactions t
        WHERE t.account_id IN (?) AND ${UNINVOICED_CHARGE_CONDITION} AND t.transaction_date <= ?
        ORDER BY t.id FOR UPDATE`,
      [accountIds, billingDate],
    );
    for (const p of pending) {
      (plans.get(Number(p.account_id)) as AccountPlan).pending.push({
        id: Number(p.id),
        accountId: Number(p.account_id),
        amount: Number(p.amount),
        taxAmount: Number(p.tax_amount),
        accountServiceId: p.account_service_id === null ? null : Number(p.account_service_id),
        serviceId: p.service_id === null ? null : Number(p.service_id),
        periodStart: (p.period_start as string | null) ?? null,
        periodEnd: (p.period_end as string | null) ?? null,
      });
    }
    return { plans, sourced };
  }

  /** Checks each candidate invoice against the bounds; the ones that fail are returned and must not be written. */
  private async park(
    em: EntityManager,
    accountIds: number[],
    plans: Map<number, AccountPlan>,
    billingDate: string,
    bounds: SafetyBounds,
  ): Promise<ParkedInvoice[]> {
    if (!accountIds.length) return [];
    const accountServiceIds = [
      ...new Set(
        accountIds.flatMap((id) =>
          (plans.get(id) as AccountPlan).charges.flatMap((c) => (c.accountServiceId === null ? [] : [c.accountServiceId])),
        ),
      ),
    ];
    const chargedUntil = new Map<string, string>();
    for (const part of chunks(accountServiceIds)) {
      const rows: { account_service_id: number; service_id: number; until: string }[] = await em.query(
        `SELECT t.account_service_id, t.service_id, DATE_FORMAT(MAX(t.period_end), '%Y-%m-%d') AS until
           FROM transactions t
          WHERE t.account_service_id IN (?) AND t.kind = 'debit' AND t.side = 'debit'
            AND t.corrected_by_transaction_id IS NULL AND t.period_end IS NOT NULL
          GROUP BY t.account_service_id, t.service_id`,
        [part],
      );
      for (const r of rows) chargedUntil.set(spanKey(Number(r.account_service_id), Number(r.service_id)), r.until);
    }
    const usualRows: { account_id: number; n: number; total: string }[] = await em.query(
      `SELECT r.account_id, COUNT(*) AS n, SUM(r.total) AS total FROM (
          SELECT i.account_id, i.total,
                 ROW_NUMBER() OVER (PARTITION BY i.account_id ORDER BY i.invoice_date DESC, i.id DESC) AS recency
            FROM invoices i
           WHERE i.account_id IN (?) AND i.generated_for IS NOT NULL AND i.generated_for < ? AND i.is_void = 0
        ) r WHERE r.recency <= 3 GROUP BY r.account_id`,
      [accountIds, billingDate],
    );
    const usual = new Map(usualRows.map((r) => [Number(r.account_id), { sum: Number(r.total), count: Number(r.n) }]));

    const parked: ParkedInvoice[] = [];
    for (const accountId of accountIds) {
      const plan = plans.get(accountId) as AccountPlan;
      // Keys name account services, so the batch's map serves every account as it is: the check only looks up its own charges.
      const candidate = { newCharges: plan.charges, pending: plan.pending, chargedUntil, usual: usual.get(accountId) ?? null };
      const verdict = checkInvoiceBounds(candidate, bounds);
      if (!verdict) continue;
      const history = usual.get(accountId);
      parked.push({
        accountId,
        ...verdict,
        total: [...plan.charges, ...plan.pending].reduce((sum, c) => sum + c.amount + c.taxAmount, 0),
        usualTotal: history && history.count ? Math.round(history.sum / history.count) : null,
      });
    }
    return parked;
  }

  private async insertInvoices(
    em: EntityManager,
    accountIds: number[],
    plans: Map<number, AccountPlan>,
    billingDate: string,
  ): Promise<Map<number, number>> {
    const invoices = accountIds.map((accountId): NewInvoice => {
      const plan = plans.get(accountId) as AccountPlan;
      const lines = [...plan.charges, ...plan.pending];
      return {
        accountId,
        invoiceDate: billingDate,
        dueDate: addDays(billingDate, plan.settings.dueDays),
        periodStart: plan.period.start,
        periodEnd: lastDayOf(plan.period),
        months: 1,
        generatedFor: billingDate,
        message: plan.settings.invoiceMessage,
        total: lines.reduce((sum, l) => sum + l.amount + l.taxAmount, 0),
        taxTotal: lines.reduce((sum, l) => sum + l.taxAmount, 0),
      };
    });
    const ids = await this.invoiceRows.insert(em, invoices);
    return new Map(accountIds.map((accountId, i) => [accountId, ids[i]]));
  }

  /** Writes the planned charges on their invoices with their tax rows; returns the new ids per account. */
  private async insertCharges(
    em: EntityManager,
    accountIds: number[],
    plans: Map<number, AccountPlan>,
    invoiceIds: Map<number, number>,
    billingDate: string,
  ): Promise<Map<number, number[]>> {
    const charges = accountIds.flatMap((id) => (plans.get(id) as AccountPlan).charges);
    const byAccount = new Map<number, number[]>();
    const assigned = new Set<number>();
    const consecutive = await this.invoiceRows.consecutiveIds(em);
    for (const part of chunks(charges)) {
      const res: { insertId: number; affectedRows: number } = await em.query(
        `INSERT INTO transactions (account_id, kind, side, amount, tax_amount, transaction_date, description, service_id, account_service_id,
           quantity, period_start, period_end, invoice_id) VALUES ?`,
        [
          part.map((c) => [
            c.accountId,
            'debit',
            'debit',
            c.amount,
            c.taxAmount,
            billingDate,
            c.description.slice(0, 255),
            c.serviceId,
            c.accountServiceId,
            c.quantity,
            c.periodStart,
            c.periodEnd,
            invoiceIds.get(c.accountId),
          ]),
        ],
      );
      let idOf: (c: PlannedCharge, i: number) => number | undefined;
      if (consecutive && res.affectedRows === part.length) {
        idOf = (_c, i) => Number(res.insertId) + i;
      } else {
        // Read the ids back from the new invoices, whose only debits with a period are these (pending ones join them later).
        const rows: { id: number; account_id: number; account_service_id: number | null; service_id: number; period_start: string }[] =
          await em.query(
            `SELECT id, account_id, account_service_id, service_id, DATE_FORMAT(period_start, '%Y-%m-%d') AS period_start
               FROM transactions WHERE kind = 'debit' AND invoice_id IN (?) ORDER BY id`,
            [[...new Set(part.map((c) => invoiceIds.get(c.accountId)))]],
          );
        const key = (accountId: unknown, accountServiceId: unknown, serviceId: unknown, periodStart: unknown) =>
          `${accountId}:${accountServiceId ?? '-'}:${serviceId}:${periodStart}`;
        // Measured charges carry no account service, so two voice services of one account share a key: a statement's ids
        // rise in the order of its rows, so the rows of one key are handed out in that order.
        const byKey = new Map<string, number[]>();
        for (const r of rows) {
          if (assigned.has(Number(r.id))) continue;
          const k = key(r.account_id, r.account_service_id, r.service_id, r.period_start);
          byKey.set(k, [...(byKey.get(k) ?? []), Number(r.id)]);
        }
        idOf = (c) => byKey.get(key(c.accountId, c.accountServiceId, c.serviceId, c.periodStart))?.shift();
      }
      const taxRows: unknown[][] = [];
      part.forEach((c, i) => {
        const id = idOf(c, i);
        if (id === undefined) throw new Error(`Charge for account service ${c.accountServiceId} was not found after insert`);
        c.id = id;
        assigned.add(id);
        byAccount.set(c.accountId, [...(byAccount.get(c.accountId) ?? []), id]);
        for (const tax of c.taxes) taxRows.push([id, tax.taxId, tax.taxName, tax.rateE4, tax.amount]);
      });
      for (const taxPart of chunks(taxRows, 2 * CHUNK)) {
        await em.query('INSERT INTO transaction_taxes (transaction_id, tax_id, tax_name, rate_e4, amount) VALUES ?', [taxPart]);
      }
    }
    return byAccount;
  }

  /** Accounts among these holding a credit with money left: the only ones auto-apply can change. */
  private async withOpenCredit(em: EntityManager, accountIds: number[]): Promise<number[]> {
    if (!accountIds.length) return [];
    const rows: { account_id: number }[] = await em.query(
      `SELECT DISTINCT c.account_id FROM (
          SELECT t.account_id FROM transactions t
            LEFT JOIN credit_applications a ON a.credit_transaction_id = t.id AND a.removed_at IS NULL
           WHERE t.account_id IN (?) AND ${OPEN_CREDIT_CONDITION}
           GROUP BY t.id, t.account_id, t.amount, t.tax_amount
          HAVING t.amount + t.tax_amount - COALESCE(SUM(a.amount), 0) > 0
        ) c ORDER BY c.account_id`,
      [accountIds],
    );
    return rows.map((r) => Number(r.account_id));
  }
}
