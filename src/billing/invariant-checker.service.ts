import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { joinEffectiveSettings } from '../billing-config/effective-settings';
import { RECURRING_KINDS } from '../catalog/catalog.service';
import { NotFoundException } from '../common/errors';
import { readSnapshot } from '../database/transaction';
import { BillingFiguresService } from './billing-figures.service';
import { invoiceNumber } from './invoice-numbering';
import { CoverageGap, coverageGaps, CoveredLine, CoveringEntry } from './service-coverage';

export class BooksMismatchDto {
  @ApiProperty({ example: 'invoice.paid' }) check: string;
  @ApiProperty({ example: 'invoice 12' }) entity: string;
  @ApiProperty({ nullable: true, type: Number }) accountId: number | null;
  @ApiProperty() expected: string;
  @ApiProperty() actual: string;
}

export class BooksReportDto {
  @ApiProperty({ description: 'Accounts whose books were checked: those asked for with their families, or every account with money' })
  accounts: number;
  @ApiProperty() invoices: number;
  @ApiProperty() transactions: number;
  @ApiProperty({ type: [BooksMismatchDto] }) mismatches: BooksMismatchDto[];
}

interface Txn {
  id: number;
  account: number;
  kind: string;
  side: string;
  amount: number;
  tax: number;
  invoice: number | null;
  corrects: number | null;
  correctedBy: number | null;
  offsets: boolean;
  taxRows: number;
}

interface Inv {
  id: number;
  account: number;
  total: number;
  taxTotal: number;
  paid: number;
  isVoid: boolean;
  dueDate: string;
  parent: number | null;
}

interface App {
  credit: number;
  invoice: number;
  amount: number;
}

/**
 * Recomputes the books from raw rows, without the figure SQL or cached columns,
 * and lists every place the two disagree. Runs after billing tests and on demand
 * from the admin; an empty list means the books balance.
 */
const FIGURE_QUERIES_IN_FLIGHT = 4;

@Injectable()
export class InvariantCheckerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly figures: BillingFiguresService,
  ) {}

  /** Every rule over one consistent snapshot, so writers busy meanwhile are seen whole or not at all. */
  async check(today: string, accountIds?: number[]): Promise<BooksReportDto> {
    return readSnapshot(this.db, (em) => this.checkIn(em, today, accountIds));
  }

  private async checkIn(em: EntityManager, today: string, accountIds?: number[]): Promise<BooksReportDto> {
    const scope = await this.scope(em, accountIds);
    // An account that was asked for and is not in scope would pass unchecked, and an empty report would read as balanced books.
    const unknown = accountIds?.find((id) => !scope?.includes(Number(id)));
    if (unknown !== undefined) throw new NotFoundException('Account', unknown);
    if (scope !== null && scope.length === 0) return { accounts: 0, invoices: 0, transactions: 0, mismatches: [] };
    const where = (col: string) => (scope === null ? '1 = 1' : `${col} IN (${scope.map(Number).join(',')})`);

    const txns: Txn[] = (
      await em.query(
        `SELECT t.id, t.account_id, t.kind, t.side, t.amount, t.tax_amount, t.invoice_id, t.corrects_transaction_id,
                t.corrected_by_transaction_id, t.offsets_uninvoiced,
                (SELECT COALESCE(SUM(x.amount), 0) FROM transaction_taxes x WHERE x.transaction_id = t.id) AS tax_rows
           FROM transactions t WHERE ${where('t.account_id')}`,
      )
    ).map((r: Record<string, unknown>) => ({
      id: Number(r.id),
      account: Number(r.account_id),
      kind: r.kind as string,
      side: r.side as string,
      amount: Number(r.amount),
      tax: Number(r.tax_amount),
      invoice: r.invoice_id === null ? null : Number(r.invoice_id),
      corrects: r.corrects_transaction_id === null ? null : Number(r.corrects_transaction_id),
      correctedBy: r.corrected_by_transaction_id === null ? null : Number(r.corrected_by_transaction_id),
      offsets: Boolean(Number(r.offsets_uninvoiced)),
      taxRows: Number(r.tax_rows),
    }));
    const invs: Inv[] = (
      await em.query(
        `SELECT i.id, i.account_id, i.total, i.tax_total, i.paid, i.is_void, DATE_FORMAT(i.due_date, '%Y-%m-%d') AS due_date, i.parent_invoice_id
           FROM invoices i WHERE ${where('i.account_id')}`,
      )
    ).map((r: Record<string, unknown>) => ({
      id: Number(r.id),
      account: Number(r.account_id),
      total: Number(r.total),
      taxTotal: Number(r.tax_total),
      paid: Number(r.paid),
      isVoid: Boolean(Number(r.is_void)),
      dueDate: r.due_date as string,
      parent: r.parent_invoice_id === null ? null : Number(r.parent_invoice_id),
    }));
    const apps: App[] = (
      await em.query(
        `SELECT a.credit_transaction_id, a.invoice_id, a.amount FROM credit_applications a
           JOIN invoices i ON i.id = a.invoice_id WHERE a.removed_at IS NULL AND ${where('i.account_id')}`,
      )
    ).map((r: Record<string, unknown>) => ({
      credit: Number(r.credit_transaction_id),
      invoice: Number(r.invoice_id),
      amount: Number(r.amount),
    }));

    const out: BooksMismatchDto[] = [];
    const mismatch = (check: string, entity: string, accountId: number | null, expected: unknown, actual: unknown) =>
      out.push({ check, entity, accountId, expected: String(expected), actual: String(actual) });
    const txnById = new Map(txns.map((t) => [t.id, t]));
    const invById = new Map(invs.map((i) => [i.id, i]));
    const sum = <T>(items: T[], f: (x: T) => number) => items.reduce((s, x) => s + f(x), 0);

    for (const t of txns) {
      if (t.tax !== t.taxRows) mismatch('transaction.tax_amount', `transaction ${t.id}`, t.account, t.taxRows, t.tax);
      if (t.corrects !== null) {
        const target = txnById.get(t.corrects);
        if (!target || target.correctedBy !== t.id)
          mismatch('transaction.correction_link', `transaction ${t.id}`, t.account, t.id, target?.correctedBy);
        else if (target.amount !== t.amount || target.tax !== t.tax)
          mismatch('transaction.correction_amount', `transaction ${t.id}`, t.account, target.amount + target.tax, t.amount + t.tax);
      }
      if (t.invoice !== null) {
        const inv = invById.get(t.invoice);
        if (!inv || inv.account !== t.account || t.side !== 'debit' || t.kind === 'void') {
          mismatch(
            'transaction.invoice',
            `transaction ${t.id}`,
            t.account,
            'a debit on its own account invoice',
            `${t.kind} on invoice ${t.invoice}`,
          );
        }
      }
    }

    const appsByCredit = new Map<number, App[]>();
    const appsByInvoice = new Map<number, App[]>();
    for (const a of apps) {
      appsByCredit.set(a.credit, [...(appsByCredit.get(a.credit) ?? []), a]);
      appsByInvoice.set(a.invoice, [...(appsByInvoice.get(a.invoice) ?? []), a]);
      const credit = txnById.get(a.credit);
      const inv = invById.get(a.invoice) as Inv;
      const payer = inv.parent === null ? inv.account : (invById.get(inv.parent)?.account ?? -1);
      if (!credit || credit.side !== 'credit' || (credit.account !== inv.account && credit.account !== payer)) {
        mismatch(
          'application.payer',
          `invoice ${a.invoice}`,
          inv.account,
          `a credit of account ${inv.account} or ${payer}`,
          `transaction ${a.credit}`,
        );
      }
    }

    const group = <T>(items: T[], key: (x: T) => number | null) => {
      const map = new Map<number, T[]>();
      for (const item of items) {
        const k = key(item);
        if (k === null) continue;
        const list = map.get(k);
        if (list) list.push(item);
        else map.set(k, [item]);
      }
      return map;
    };
    const linesByInvoice = group(txns, (t) => t.invoice);
    for (const inv of invs) {
      const lines = linesByInvoice.get(inv.id) ?? [];
      const total = sum(lines, (t) => t.amount + t.tax);
      if (total !== inv.total) mismatch('invoice.total', `invoice ${inv.id}`, inv.account, total, inv.total);
      const tax = sum(lines, (t) => t.tax);
      if (tax !== inv.taxTotal) mismatch('invoice.tax_total', `invoice ${inv.id}`, inv.account, tax, inv.taxTotal);
      const paid = sum(appsByInvoice.get(inv.id) ?? [], (a) => a.amount);
      if (paid !== inv.paid) mismatch('invoice.paid', `invoice ${inv.id}`, inv.account, paid, inv.paid);
      if (paid > total || paid < 0) mismatch('invoice.overpaid', `invoice ${inv.id}`, inv.account, `0..${total}`, paid);
      if (inv.isVoid) {
        if (paid !== total) mismatch('invoice.void_zeroed', `invoice ${inv.id}`, inv.account, total, paid);
        if (lines.some((t) => t.correctedBy === null))
          mismatch('invoice.void_reversed', `invoice ${inv.id}`, inv.account, 'every debit reversed', 'a debit left');
      }
    }

    const available = (t: Txn) => t.amount + t.tax - sum(appsByCredit.get(t.id) ?? [], (a) => a.amount);
    for (const t of txns.filter((x) => x.side === 'credit')) {
      const left = available(t);
      if (left < 0) mismatch('credit.overapplied', `transaction ${t.id}`, t.account, '>= 0', left);
      if ((t.correctedBy !== null || t.offsets) && (appsByCredit.get(t.id) ?? []).length) {
        mismatch('credit.spent_after_void', `transaction ${t.id}`, t.account, 'no applications', (appsByCredit.get(t.id) ?? []).length);
      }
    }

    // Figures, recomputed per account from the rows above and compared with the one SQL definition.
    const accounts = [...new Set([...(scope ?? []), ...txns.map((t) => t.account), ...invs.map((i) => i.account)])];
    const payerOf = (inv: Inv) => (inv.parent === null ? inv.account : (invById.get(inv.parent)?.account ?? inv.account));
    const familyOf = new Map<number, number>();
    for (const inv of invs) if (inv.parent !== null) familyOf.set(inv.account, payerOf(inv));
    const familyTotals = new Map<number, { ledger: number; figures: number }>();
    const owedBy = group(
      invs.filter((i) => !i.isVoid),
      payerOf,
    );
    const txnsOf = group(txns, (t) => t.account);
    // The figure SQL per account, a few queries at a time: the pool has the connections and the server the cores.
    const figuresOf = new Map<number, Awaited<ReturnType<BillingFiguresService['figures']>>>();
    for (let i = 0; i < accounts.length; i += FIGURE_QUERIES_IN_FLIGHT) {
      const part = accounts.slice(i, i + FIGURE_QUERIES_IN_FLIGHT);
      const found = await Promise.all(part.map((id) => this.figures.figures(em, id, today, { nextRecurring: false })));
      part.forEach((id, n) => figuresOf.set(id, found[n]));
    }
    for (const accountId of accounts) {
      const owed = owedBy.get(accountId) ?? [];
      const balanceDue = sum(owed, (i) => i.total - i.paid);
      const dueNow = sum(
        owed.filter((i) => i.dueDate <= today),
        (i) => i.total - i.paid,
      );
      const mine = txnsOf.get(accountId) ?? [];
      const availableCredits = sum(
        mine.filter((t) => t.side === 'credit' && t.correctedBy === null && !t.offsets),
        available,
      );
      const uninvoiced = sum(
        mine.filter(
          (t) => t.side === 'debit' && (t.kind === 'debit' || t.kind === 'adjustment') && t.invoice === null && t.correctedBy === null,
        ),
        (t) => t.amount + t.tax,
      );
      const fig = figuresOf.get(accountId) as Awaited<ReturnType<BillingFiguresService['figures']>>;
      const expect = { dueNow, balanceDue, availableCredits, totalBalance: balanceDue + uninvoiced, uninvoiced };
      for (const [key, value] of Object.entries(expect)) {
        const actual = fig[key as keyof typeof expect];
        if (actual !== value) mismatch(`figures.${key}`, `account ${accountId}`, accountId, value, actual);
      }
      // What the ledger says is owed must equal what the invoices and waiting charges say, net of free credit.
      const family = familyOf.get(accountId) ?? accountId;
      const totals = familyTotals.get(family) ?? { ledger: 0, figures: 0 };
      totals.ledger += sum(mine, (t) => (t.side === 'debit' ? 1 : -1) * (t.amount + t.tax));
      totals.figures += balanceDue + uninvoiced - availableCredits;
      familyTotals.set(family, totals);
    }
    for (const [family, totals] of familyTotals) {
      if (totals.ledger !== totals.figures)
        mismatch('ledger.balance', `account ${family} and its children`, family, totals.ledger, totals.figures);
    }
    out.push(...(await this.invoiceNumbering(em, scope)));
    for (const gap of await this.serviceCoverage(em, where)) {
      mismatch(
        'service.coverage',
        `account ${gap.accountId}, account service ${gap.accountServiceId}, service ${gap.serviceId}`,
        gap.accountId,
        `${gap.from} to ${gap.to} charged ${gap.expected} time(s)`,
        `charged ${gap.times} time(s)`,
      );
    }
    out.push(...(await this.usageCharges(em, where)));
    out.push(...(await this.voiceCharges(em, where)));
    return { accounts: accounts.length, invoices: invs.length, transactions: txns.length, mismatches: out };
  }

  /**
   * Usage is charged once: each settled period's overage is one debit of its own account, with
   * as many blocks as the settlement counted, and every overage debit of a usage period (a
   * policy's overage service with a period and no account service) belongs to exactly one
   * settlement. Each top-off is one debit of its own account.
   */
  private async usageCharges(em: EntityManager, where: (col: string) => string): Promise<BooksMismatchDto[]> {
    const out: BooksMismatchDto[] = [];
    const settled: Record<string, unknown>[] = await em.query(
      `SELECT s.id, s.account_id, DATE_FORMAT(s.period_start, '%Y-%m-%d') AS period_start, s.overage_blocks, s.overage_transaction_id,
              t.account_id AS t_account, t.kind AS t_kind, t.side AS t_side, t.quantity AS t_quantity
         FROM usage_settlements s LEFT JOIN transactions t ON t.id = s.overage_transaction_id
        WHERE ${where('s.account_id')}`,
    );
    for (const s of settled) {
      if (s.overage_transaction_id === null) continue;
      const entity = `usage settlement ${s.id} (period from ${s.period_start})`;
      const accountId = Number(s.account_id);
      if (Number(s.t_account) !== accountId || s.t_kind !== 'debit' || s.t_side !== 'debit')
        out.push({
          check: 'usage.overage_charge',
          entity,
          accountId,
          expected: `a debit of account ${accountId}`,
          actual: `transaction ${s.overage_transaction_id}`,
        });
      else if (Number(s.t_quantity) !== Number(s.overage_blocks))
        out.push({ check: 'usage.overage_blocks', entity, accountId, expected: String(s.overage_blocks), actual: String(s.t_quantity) });
    }
    const overageDebits: Record<string, unknown>[] = await em.query(
      `SELECT t.id, t.account_id, COUNT(s.id) AS settlements
         FROM transactions t LEFT JOIN usage_settlements s ON s.overage_transaction_id = t.id
        WHERE ${where('t.account_id')} AND t.kind = 'debit' AND t.account_service_id IS NULL AND t.period_start IS NOT NULL
          AND t.service_id IN (SELECT overage_service_id FROM usage_policies WHERE overage_service_id IS NOT NULL)
        GROUP BY t.id, t.account_id HAVING COUNT(s.id) <> 1`,
    );
    for (const t of overageDebits) {
      out.push({
        check: 'usage.charged_once',
        entity: `transaction ${t.id}`,
        accountId: Number(t.account_id),
        expected: 'one settled usage period',
        actual: `${t.settlements} settled periods`,
      });
    }
    const topOffs: Record<string, unknown>[] = await em.query(
      `SELECT u.id, u.account_id, u.transaction_id FROM usage_top_offs u LEFT JOIN transactions t ON t.id = u.transaction_id
        WHERE ${where('u.account_id')} AND (t.id IS NULL OR t.account_id <> u.account_id OR t.kind <> 'debit')`,
    );
    for (const u of topOffs) {
      out.push({
        check: 'usage.top_off_charge',
        entity: `usage top-off ${u.id}`,
        accountId: Number(u.account_id),
        expected: `a debit of account ${u.account_id}`,
        actual: `transaction ${u.transaction_id}`,
      });
    }
    return out;
  }

  /**
   * Calls are charged once, and as their figures say. Each voice settlement counts exactly the
   * calls that point at it (their number, seconds and exact charge), so a call moved to another
   * settlement or settled twice breaks both; its amount is that exact charge rounded half-up to
   * cents once (worked out here, apart from the voice domain's arithmetic, which this module may
   * not import); a settlement with an amount is one debit of its own account for that amount, one
   * without has none; every debit of a settled voice period belongs to exactly one settlement; and
   * each settled call belongs to a settlement of its own service that it started before the end
   * of, with included and charged seconds adding up to its billed ones and its charge equal to the
   * charged seconds at its rate.
   */
  private async voiceCharges(em: EntityManager, where: (col: string) => string): Promise<BooksMismatchDto[]> {
    const out: BooksMismatchDto[] = [];
    const settled: Record<string, unknown>[] = await em.query(
      `SELECT s.id, s.account_id, DATE_FORMAT(s.period_start, '%Y-%m-%d') AS period_start, s.calls, s.billed_seconds, s.included_seconds,
              s.charged_seconds, CAST(s.charge_micro_seconds AS CHAR) AS charge_micro_seconds, s.amount, s.transaction_id,
              t.account_id AS t_account, t.kind AS t_kind, t.side AS t_side, t.amount AS t_amount,
              (SELECT CONCAT_WS('/', COUNT(*), COALESCE(SUM(c.billed_seconds), 0), COALESCE(SUM(c.included_seconds), 0),
                                COALESCE(SUM(c.charged_seconds), 0), CAST(COALESCE(SUM(c.charge_micro_seconds), 0) AS CHAR))
                 FROM voice_calls c WHERE c.settlement_id = s.id) AS from_calls
         FROM voice_settlements s LEFT JOIN transactions t ON t.id = s.transaction_id
        WHERE ${where('s.account_id')}`,
    );
    for (const s of settled) {
      const entity = `voice settlement ${s.id} (period from ${s.period_start})`;
      const accountId = Number(s.account_id);
      const amount = Number(s.amount);
      const own = [s.calls, s.billed_seconds, s.included_seconds, s.charged_seconds, s.charge_micro_seconds].map(String).join('/');
      if (own !== s.from_calls)
        out.push({
          check: 'voice.settlement_calls',
          entity,
          accountId,
          expected: `calls/billed/included/charged/µ·s ${own}`,
          actual: String(s.from_calls),
        });
      const micro = BigInt(s.charge_micro_seconds as string);
      // A cent is 60 s × 10,000 micro-units: 600,000 micro-unit-seconds, rounded half-up.
      const cents = Number((micro * 2n + 600_000n) / 1_200_000n);
      if (cents !== amount)
        out.push({ check: 'voice.settlement_amount', entity, accountId, expected: String(cents), actual: String(amount) });
      if (s.transaction_id === null) {
        if (amount !== 0)
          out.push({ check: 'voice.settlement_charge', entity, accountId, expected: `a debit of ${amount}`, actual: 'none' });
      } else if (Number(s.t_account) !== accountId || s.t_kind !== 'debit' || s.t_side !== 'debit' || Number(s.t_amount) !== amount) {
        out.push({
          check: 'voice.settlement_charge',
          entity,
          accountId,
          expected: `a debit of account ${accountId} of ${amount}`,
          actual: `transaction ${s.transaction_id}${s.t_account === null ? ' (missing)' : ` of account ${s.t_account}, ${s.t_kind} of ${s.t_amount}`}`,
        });
      }
    }
    const callDebits: Record<string, unknown>[] = await em.query(
      `SELECT t.id, t.account_id, COUNT(s.id) AS settlements
         FROM transactions t JOIN services v ON v.id = t.service_id AND v.kind = 'voice'
         LEFT JOIN voice_settlements s ON s.transaction_id = t.id
        WHERE ${where('t.account_id')} AND t.kind = 'debit' AND t.account_service_id IS NULL AND t.period_start IS NOT NULL
        GROUP BY t.id, t.account_id HAVING COUNT(s.id) <> 1`,
    );
    for (const t of callDebits) {
      out.push({
        check: 'voice.charged_once',
        entity: `transaction ${t.id}`,
        accountId: Number(t.account_id),
        expected: 'one settled voice period',
        actual: `${t.settlements} settled periods`,
      });
    }
    const calls: Record<string, unknown>[] = await em.query(
      `SELECT c.id, c.account_id, c.account_service_id, c.settlement_id, s.account_service_id AS s_service,
              c.started_at >= s.period_end + INTERVAL 1 DAY AS after_period,
              c.included_seconds + c.charged_seconds = c.billed_seconds AND c.charge_micro_seconds = c.charged_seconds * c.rate_micro AS adds_up
         FROM voice_calls c LEFT JOIN voice_settlements s ON s.id = c.settlement_id
        WHERE ${where('c.account_id')} AND c.settlement_id IS NOT NULL
          AND (s.id IS NULL OR s.account_service_id <> c.account_service_id OR c.started_at >= s.period_end + INTERVAL 1 DAY
               OR NOT (c.included_seconds + c.charged_seconds = c.billed_seconds AND c.charge_micro_seconds = c.charged_seconds * c.rate_micro))`,
    );
    for (const c of calls) {
      const entity = `voice call ${c.id}`;
      const accountId = Number(c.account_id);
      if (c.s_service === null || Number(c.s_service) !== Number(c.account_service_id) || Number(c.after_period) === 1)
        out.push({
          check: 'voice.call_settlement',
          entity,
          accountId,
          expected: `a settlement of account service ${c.account_service_id} ending after the call started`,
          actual: `settlement ${c.settlement_id}${c.s_service === null ? ' (missing)' : ` of account service ${c.s_service}`}`,
        });
      if (Number(c.adds_up) !== 1)
        out.push({
          check: 'voice.call_figures',
          entity,
          accountId,
          expected: 'included + charged = billed seconds, charge = charged seconds × rate',
          actual: 'figures that do not add up',
        });
    }
    return out;
  }

  /**
   * Invoice numbers form one unbroken sequence in the order invoices were issued:
   * every number from where the sequence starts up to the counter is held by one
   * invoice or recorded as withdrawn, none twice, and issue times never go back as
   * numbers go up. The sequence is instance-wide, so it is checked whole even when
   * only some accounts are; invoices left without a number are looked for in scope.
   */
  private async invoiceNumbering(em: EntityManager, scope: number[] | null): Promise<BooksMismatchDto[]> {
    const out: BooksMismatchDto[] = [];
    const rule = 'invoice.numbering';
    // One statement, so a number issued meanwhile cannot show up on one side only.
    const [seq]: Record<string, string | number | null>[] = await em.query(
      `SELECT c.next_number, c.gapless_from, COUNT(u.seq) AS n, COUNT(DISTINCT u.seq) AS distinct_n, MAX(u.seq) AS highest,
              (SELECT COUNT(*) FROM (
                 SELECT i.issued_at, LAG(i.issued_at) OVER (ORDER BY i.sequence_no) AS before_it
                   FROM invoices i JOIN invoice_number_counter k ON k.id = 1 WHERE i.sequence_no >= k.gapless_from) o
                WHERE o.issued_at < o.before_it) AS out_of_order
         FROM invoice_number_counter c
         LEFT JOIN (SELECT sequence_no AS seq FROM invoices WHERE sequence_no IS NOT NULL
                    UNION ALL SELECT sequence_no FROM invoice_number_withdrawals) u ON u.seq >= c.gapless_from
        WHERE c.id = 1
        GROUP BY c.next_number, c.gapless_from`,
    );
    if (!seq) return [{ check: rule, entity: 'invoice number counter', accountId: null, expected: 'one counter row', actual: 'none' }];
    const from = Number(seq.gapless_from);
    const next = Number(seq.next_number);
    const issued = next - from;
    const unbroken = Number(seq.n) === issued && Number(seq.distinct_n) === issued && (issued === 0 || Number(seq.highest) === next - 1);
    if (!unbroken) {
      const rows: { seq: number }[] = await em.query(
        `SELECT sequence_no AS seq FROM invoices WHERE sequence_no >= ?
         UNION ALL SELECT sequence_no FROM invoice_number_withdrawals WHERE sequence_no >= ?`,
        [from, from],
      );
      const seen = new Map<number, number>();
      for (const r of rows) seen.set(Number(r.seq), (seen.get(Number(r.seq)) ?? 0) + 1);
      const missing: number[] = [];
      for (let n = from; n < next && missing.length < 10; n++) if (!seen.has(n)) missing.push(n);
      const doubled = [...seen].filter(([, count]) => count > 1).map(([n]) => n);
      const beyond = [...seen.keys()].filter((n) => n >= next);
      const list = (ns: number[]) => ns.slice(0, 10).map(invoiceNumber).join(', ');
      if (missing.length)
        out.push({
          check: rule,
          entity: 'invoice numbers',
          accountId: null,
          expected: 'every number issued',
          actual: `missing ${list(missing)}`,
        });
      if (doubled.length)
        out.push({
          check: rule,
          entity: 'invoice numbers',
          accountId: null,
          expected: 'each number once',
          actual: `twice: ${list(doubled)}`,
        });
      if (beyond.length) {
        out.push({
          check: rule,
          entity: 'invoice number counter',
          accountId: null,
          expected: `numbers below ${invoiceNumber(next)}`,
          actual: list(beyond),
        });
      }
    }
    if (Number(seq.out_of_order) > 0) {
      out.push({
        check: rule,
        entity: 'invoice numbers',
        accountId: null,
        expected: 'numbers in the order invoices were issued',
        actual: `${seq.out_of_order} issued earlier than the number before them`,
      });
    }
    const unnumbered: { id: number; account_id: number }[] = await em.query(
      `SELECT i.id, i.account_id FROM invoices i WHERE i.sequence_no IS NULL ${scope === null ? '' : 'AND i.account_id IN (?)'} ORDER BY i.id LIMIT 20`,
      scope === null ? [] : [scope],
    );
    for (const inv of unnumbered) {
      out.push({
        check: rule,
        entity: `invoice ${inv.id}`,
        accountId: Number(inv.account_id),
        expected: 'a number from the sequence',
        actual: 'none',
      });
    }
    return out;
  }

  /**
   * The coverage rule's rows: each billable line of the accounts' services (a service,
   * or each priced service of a package) with its account's anchor day and timing, and
   * every charge and unused-days credit recorded against those lines.
   */
  private async serviceCoverage(em: EntityManager, where: (col: string) => string): Promise<CoverageGap[]> {
    const recurring = RECURRING_KINDS.map((kind) => `'${kind}'`).join(', ');
    const lines: CoveredLine[] = (
      await em.query(
        `SELECT s.id, s.account_id, COALESCE(ps.service_id, s.service_id) AS service_id, s.prorate_on_add,
                IF(s.service_id IS NOT NULL, COALESCE(s.price_override, sv.price) * s.quantity, ps.price * ps.quantity * s.quantity) AS period_amount,
                e.proration_rounding,
                DATE_FORMAT(s.added_on, '%Y-%m-%d') AS added_on, DATE_FORMAT(s.charged_through, '%Y-%m-%d') AS charged_through,
                e.anchor_day, e.bill_timing
           FROM account_services s
           JOIN accounts a ON a.id = s.account_id ${joinEffectiveSettings('a', 'e')}
           LEFT JOIN services sv ON sv.id = s.service_id
           LEFT JOIN package_services ps ON s.service_id IS NULL AND ps.package_id = s.package_id
          WHERE ${where('s.account_id')}
            AND IF(s.service_id IS NOT NULL, sv.kind IN (${recurring}) AND COALESCE(s.price_override, sv.price) * s.quantity > 0,
                   ps.price * ps.quantity * s.quantity > 0)`,
      )
    ).map((r: Record<string, unknown>) => ({
      accountServiceId: Number(r.id),
      accountId: Number(r.account_id),
      serviceId: Number(r.service_id),
      addedOn: r.added_on as string,
      chargedThrough: (r.charged_through as string | null) ?? null,
      prorateOnAdd: Boolean(Number(r.prorate_on_add)),
      anchorDay: Number(r.anchor_day),
      billTiming: r.bill_timing as CoveredLine['billTiming'],
      periodAmount: Number(r.period_amount),
      prorationRounding: r.proration_rounding as CoveredLine['prorationRounding'],
    }));
    if (!lines.length) return [];
    const entries: CoveringEntry[] = (
      await em.query(
        `SELECT t.account_service_id, t.service_id, t.side, t.corrected_by_transaction_id, DATE_FORMAT(t.period_start, '%Y-%m-%d') AS period_start,
                DATE_FORMAT(t.period_end, '%Y-%m-%d') AS period_end
           FROM transactions t
          WHERE ${where('t.account_id')} AND t.account_service_id IS NOT NULL AND t.period_start IS NOT NULL AND t.period_end IS NOT NULL
            AND ((t.kind = 'debit' AND t.side = 'debit') OR (t.kind = 'discount' AND t.side = 'credit' AND t.corrects_transaction_id IS NULL AND t.corrected_by_transaction_id IS NULL))`,
      )
    ).map((r: Record<string, unknown>) => ({
      accountServiceId: Number(r.account_service_id),
      serviceId: Number(r.service_id),
      start: r.period_start as string,
      end: r.period_end as string,
      kind: r.side === 'debit' ? 'charge' : 'credit',
      reversed: r.side === 'debit' && r.corrected_by_transaction_id !== null,
    }));
    return coverageGaps(lines, entries);
  }

  /** The accounts asked for plus their parents and children, since money crosses within a family. */
  /**
   * The accounts asked for and every account whose figures they share: parents,
   * children and siblings, and accounts on either end of an invoice link. One hop is
   * not enough: a child brings in its parent, whose figures count every sibling's
   * linked invoice, so the set grows until it stops changing.
   */
  private async scope(em: EntityManager, accountIds?: number[]): Promise<number[] | null> {
    if (!accountIds) return null;
    if (!accountIds.length) return [];
    let asked = [...new Set(accountIds.map(Number))];
    for (;;) {
      const rows: { id: number }[] = await em.query(
        `SELECT id FROM accounts WHERE id IN (?) OR parent_account_id IN (?)
          OR id IN (SELECT parent_account_id FROM accounts WHERE id IN (?) AND parent_account_id IS NOT NULL)
          OR id IN (SELECT a.account_id FROM invoices a JOIN invoices c ON c.parent_invoice_id = a.id WHERE c.account_id IN (?))
          OR id IN (SELECT c.account_id FROM invoices c JOIN invoices p ON p.id = c.parent_invoice_id WHERE p.account_id IN (?))`,
        [asked, asked, asked, asked, asked],
      );
      // The answer holds every account asked for that exists, so one no larger than the question adds nobody.
      const next = [...new Set(rows.map((r) => Number(r.id)))];
      if (next.length === asked.length || next.length === 0) return next;
      asked = next;
    }
  }
}
