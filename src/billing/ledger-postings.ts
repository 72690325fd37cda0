import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TaxLine } from '../taxes/tax.service';
import { groupInto } from '../common/group-into';
import { caseById } from '../database/case-by-id';
import { collectableInvoice } from './invoice-conditions';
import { InvoiceNumbering } from './invoice-numbering';

export type TransactionKind = 'debit' | 'discount' | 'payment' | 'adjustment' | 'void';
export type Side = 'debit' | 'credit';
/** How money came in: by hand at the desk (cash, check, wire) or through the card processor (card, bank). */
export const PAYMENT_METHODS = ['cash', 'check', 'wire', 'card', 'bank'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface NewTransaction {
  accountId: number;
  kind: TransactionKind;
  side: Side;
  amount: number;
  taxes: Pick<TaxLine, 'taxId' | 'taxName' | 'rateE4' | 'amount'>[];
  date: string;
  description: string;
  serviceId?: number | null;
  accountServiceId?: number | null;
  quantity?: number | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  paymentMethod?: PaymentMethod | null;
  reference?: string | null;
  invoiceId?: number | null;
  correctsTransactionId?: number | null;
  offsetsUninvoiced?: boolean;
  idempotencyKey?: string | null;
  createdBy?: number | null;
}

export interface TransactionRow {
  id: number;
  accountId: number;
  kind: TransactionKind;
  side: Side;
  amount: number;
  taxAmount: number;
  total: number;
  date: string;
  description: string;
  serviceId: number | null;
  accountServiceId: number | null;
  quantity: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  paymentMethod: PaymentMethod | null;
  reference: string | null;
  invoiceId: number | null;
  correctsTransactionId: number | null;
  correctedByTransactionId: number | null;
  offsetsUninvoiced: boolean;
  createdAt: Date;
}

export const TRANSACTION_COLUMNS = `t.id, t.account_id, t.kind, t.side, t.amount, t.tax_amount, DATE_FORMAT(t.transaction_date, '%Y-%m-%d') AS transaction_date,
  t.description, t.service_id, t.account_service_id, t.quantity, DATE_FORMAT(t.period_start, '%Y-%m-%d') AS period_start,
  DATE_FORMAT(t.period_end, '%Y-%m-%d') AS period_end, t.payment_method, t.reference, t.invoice_id, t.corrects_transaction_id,
  t.corrected_by_transaction_id, t.offsets_uninvoiced, t.created_at`;

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function toTransactionRow(r: Record<string, unknown>): TransactionRow {
  const amount = Number(r.amount);
  const taxAmount = Number(r.tax_amount);
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    kind: r.kind as TransactionKind,
    side: r.side as Side,
    amount,
    taxAmount,
    total: amount + taxAmount,
    date: r.transaction_date as string,
    description: r.description as string,
    serviceId: nullableNumber(r.service_id),
    accountServiceId: nullableNumber(r.account_service_id),
    quantity: nullableNumber(r.quantity),
    periodStart: (r.period_start as string | null) ?? null,
    periodEnd: (r.period_end as string | null) ?? null,
    paymentMethod: (r.payment_method as PaymentMethod | null) ?? null,
    reference: (r.reference as string | null) ?? null,
    invoiceId: nullableNumber(r.invoice_id),
    correctsTransactionId: nullableNumber(r.corrects_transaction_id),
    correctedByTransactionId: nullableNumber(r.corrected_by_transaction_id),
    offsetsUninvoiced: Boolean(Number(r.offsets_uninvoiced)),
    createdAt: r.created_at as Date,
  };
}

/**
 * A credit that gives back unused days of a service line (on its removal or a
 * quantity change), as against the reversal of a charge. Unqualified columns of
 * the transaction.
 */
export const UNUSED_DAYS_CREDIT_CONDITION = `kind = 'discount' AND side = 'credit' AND corrects_transaction_id IS NULL
  AND account_service_id IS NOT NULL AND period_start IS NOT NULL`;

/** A credit that can still be applied: not voided, not spent on an uninvoiced debit, with money left. */
export const OPEN_CREDIT_CONDITION = `t.side = 'credit' AND t.corrected_by_transaction_id IS NULL AND t.offsets_uninvoiced = 0`;

/** The columns PAYABLE_INVOICES carries; none is a TEXT, which would put its temporary table on disk. */
const PAYABLE_COLUMNS = ['id', 'account_id', 'invoice_date', 'due_date', 'total', 'paid', 'frozen', 'is_void'];

/**
 * Invoices an account pays, as a derived table to select from (parameters: the
 * account id twice): its own invoices that are not linked to a parent's, plus its
 * children's invoices linked to its own. Two index lookups joined by UNION ALL; an
 * OR across the two would scan every invoice. MariaDB materialises the union in a
 * temporary table, so it carries only the columns its readers use (PAYABLE_COLUMNS):
 * with the invoice's message among them the table went to disk, and the account's
 * figures took tens of milliseconds instead of a fraction of one.
 */
export const PAYABLE_INVOICES = `(SELECT ${PAYABLE_COLUMNS.map((c) => `o.${c}`).join(', ')} FROM invoices o
    WHERE o.account_id = ? AND o.parent_invoice_id IS NULL
  UNION ALL
  SELECT ${PAYABLE_COLUMNS.map((c) => `c.${c}`).join(', ')} FROM invoices p JOIN invoices c ON c.parent_invoice_id = p.id
    WHERE p.account_id = ?)`;

/**
 * PAYABLE_INVOICES of many accounts at once, each row carrying `payer_id`, the account
 * that pays it (parameters: the list of account ids, twice).
 */
export const PAYABLE_INVOICES_OF_MANY = `(SELECT o.account_id AS payer_id, ${PAYABLE_COLUMNS.map((c) => `o.${c}`).join(', ')} FROM invoices o
    WHERE o.account_id IN (?) AND o.parent_invoice_id IS NULL
  UNION ALL
  SELECT p.account_id AS payer_id, ${PAYABLE_COLUMNS.map((c) => `c.${c}`).join(', ')} FROM invoices p JOIN invoices c ON c.parent_invoice_id = p.id
    WHERE p.account_id IN (?))`;

/**
 * The sum of `expression` over the invoices an account pays (the rows of
 * PAYABLE_INVOICES) that meet `condition`, both written over the alias `i`, as a scalar
 * expression that needs no temporary table: its own unlinked invoices plus its
 * children's invoices linked to its own, each an index lookup. For an account's
 * figures, read many times a second on a busy day. Its parameters, in order, are
 * payableInvoicesParams(accountId, `condition`'s own).
 */
export function sumOverPayableInvoices(expression: string, condition: string): string {
  return `(COALESCE((SELECT SUM(${expression}) FROM invoices i WHERE i.account_id = ? AND i.parent_invoice_id IS NULL AND ${condition}), 0)
    + COALESCE((SELECT SUM(${expression}) FROM invoices p JOIN invoices i ON i.parent_invoice_id = p.id WHERE p.account_id = ? AND ${condition}), 0))`;
}

/** The parameters of one sumOverPayableInvoices: each half asks for the account, then the condition's own. */
export function payableInvoicesParams(accountId: number, conditionParams: unknown[] = []): unknown[] {
  return [accountId, ...conditionParams, accountId, ...conditionParams];
}

const TRANSACTION_INSERT_COLUMNS = `account_id, kind, side, amount, tax_amount, transaction_date, description, service_id,
  account_service_id, quantity, period_start, period_end, payment_method, reference, invoice_id, corrects_transaction_id,
  offsets_uninvoiced, idempotency_key, created_by`;

/** A new row's values, in the order of TRANSACTION_INSERT_COLUMNS; its tax amount is the sum of its tax lines. */
function transactionValues(t: NewTransaction): unknown[] {
  return [
    t.accountId,
    t.kind,
    t.side,
    t.amount,
    t.taxes.reduce((sum, tax) => sum + tax.amount, 0),
    t.date,
    t.description.slice(0, 255),
    t.serviceId ?? null,
    t.accountServiceId ?? null,
    t.quantity ?? null,
    t.periodStart ?? null,
    t.periodEnd ?? null,
    t.paymentMethod ?? null,
    t.reference ?? null,
    t.invoiceId ?? null,
    t.correctsTransactionId ?? null,
    t.offsetsUninvoiced ? 1 : 0,
    t.idempotencyKey ?? null,
    t.createdBy ?? null,
  ];
}

/**
 * The lowest layer of the ledger: writing transactions with their tax rows and
 * moving credit onto and off invoices. Callers hold the family lock and run
 * inside one transaction; nothing here checks business rules.
 */
@Injectable()
export class LedgerPostings {
  constructor(private readonly numbering: InvoiceNumbering) {}

  async insert(em: EntityManager, t: NewTransaction): Promise<number> {
    const result: { insertId: number } = await em.query(`INSERT INTO transactions (${TRANSACTION_INSERT_COLUMNS}) VALUES ?`, [
      [transactionValues(t)],
    ]);
    const id = Number(result.insertId);
    if (t.taxes.length) {
      await em.query(
        `INSERT INTO transaction_taxes (transaction_id, tax_id, tax_name, rate_e4, amount) VALUES ${t.taxes.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        t.taxes.flatMap((tax) => [id, tax.taxId, tax.taxName, tax.rateE4, tax.amount]),
      );
    }
    if (t.correctsTransactionId) {
      await em.query('UPDATE transactions SET corrected_by_transaction_id = ? WHERE id = ?', [id, t.correctsTransactionId]);
    }
    return id;
  }

  /**
   * Many untaxed rows that each carry an idempotency key (the processor's payments of a
   * batch) in one INSERT; answers their ids in the order given, read back by key, so
   * nothing depends on how InnoDB hands out auto-increment values.
   */
  async insertManyKeyed(em: EntityManager, ts: (NewTransaction & { idempotencyKey: string })[]): Promise<number[]> {
    if (!ts.length) return [];
    if (ts.some((t) => t.taxes.length || t.correctsTransactionId))
      throw new Error('insertManyKeyed takes untaxed rows that correct nothing');
    await em.query(`INSERT INTO transactions (${TRANSACTION_INSERT_COLUMNS}) VALUES ?`, [ts.map(transactionValues)]);
    const rows: { id: number; account_id: number; idempotency_key: string }[] = await em.query(
      'SELECT id, account_id, idempotency_key FROM transactions WHERE (account_id, idempotency_key) IN (?)',
      [ts.map((t) => [t.accountId, t.idempotencyKey])],
    );
    const byKey = new Map(rows.map((r) => [`${Number(r.account_id)}/${r.idempotency_key}`, Number(r.id)]));
    return ts.map((t) => byKey.get(`${t.accountId}/${t.idempotencyKey}`) as number);
  }

  /** Puts charges on a new invoice, fixes its total and tax from them, and issues it under the next number. */
  async fillInvoice(em: EntityManager, invoiceId: number, transactionIds: number[]): Promise<void> {
    if (transactionIds.length) await em.query('UPDATE transactions SET invoice_id = ? WHERE id IN (?)', [invoiceId, transactionIds]);
    await em.query(
      `UPDATE invoices i SET
         total = (SELECT COALESCE(SUM(t.amount + t.tax_amount), 0) FROM transactions t WHERE t.invoice_id = i.id),
         tax_total = (SELECT COALESCE(SUM(t.tax_amount), 0) FROM transactions t WHERE t.invoice_id = i.id)
       WHERE i.id = ?`,
      [invoiceId],
    );
    await this.numbering.issue(em, [invoiceId]);
  }

  async get(em: EntityManager, id: number): Promise<TransactionRow | null> {
    const [row] = await em.query(`SELECT ${TRANSACTION_COLUMNS} FROM transactions t WHERE t.id = ?`, [id]);
    return row ? toTransactionRow(row) : null;
  }

  /** Many rows by id in one query; unknown ids are absent. */
  async getMany(em: EntityManager, ids: number[]): Promise<Map<number, TransactionRow>> {
    if (!ids.length) return new Map();
    const rows: Record<string, unknown>[] = await em.query(`SELECT ${TRANSACTION_COLUMNS} FROM transactions t WHERE t.id IN (?)`, [ids]);
    return new Map(rows.map((row) => [Number(row.id), toTransactionRow(row)]));
  }

  async taxesOf(em: EntityManager, transactionId: number): Promise<{ taxId: number; taxName: string; rateE4: number; amount: number }[]> {
    const rows: { tax_id: number; tax_name: string; rate_e4: number; amount: number }[] = await em.query(
      'SELECT tax_id, tax_name, rate_e4, amount FROM transaction_taxes WHERE transaction_id = ? ORDER BY id',
      [transactionId],
    );
    return rows.map((r) => ({ taxId: Number(r.tax_id), taxName: r.tax_name, rateE4: Number(r.rate_e4), amount: Number(r.amount) }));
  }

  /** Money left on a credit. */
  async unapplied(em: EntityManager, creditId: number): Promise<number> {
    const [row]: { left: string }[] = await em.query(
      `SELECT t.amount + t.tax_amount - COALESCE((SELECT SUM(a.amount) FROM credit_applications a
          WHERE a.credit_transaction_id = t.id AND a.removed_at IS NULL), 0) AS \`left\`
         FROM transactions t WHERE t.id = ?`,
      [creditId],
    );
    return row ? Number(row.left) : 0;
  }

  async apply(em: EntityManager, creditId: number, invoiceId: number, amount: number): Promise<void> {
    if (amount <= 0) return;
    await em.query('INSERT INTO credit_applications (credit_transaction_id, invoice_id, amount) VALUES (?, ?, ?)', [
      creditId,
      invoiceId,
      amount,
    ]);
    // The CHECK (paid <= total) on invoices refuses an over-application outright.
    await em.query('UPDATE invoices SET paid = paid + ? WHERE id = ?', [amount, invoiceId]);
  }

  /** Takes applications off their invoices; the credit becomes available again. */
  async removeApplications(em: EntityManager, where: string, params: unknown[], reason: string): Promise<number> {
    const rows: { id: number; invoice_id: number; amount: number }[] = await em.query(
      `SELECT a.id, a.invoice_id, a.amount FROM credit_applications a
         JOIN transactions t ON t.id = a.credit_transaction_id
        WHERE a.removed_at IS NULL AND ${where} FOR UPDATE`,
      params,
    );
    for (const row of rows) {
      await em.query('UPDATE credit_applications SET removed_at = CURRENT_TIMESTAMP(3), removed_reason = ? WHERE id = ?', [reason, row.id]);
      await em.query('UPDATE invoices SET paid = paid - ? WHERE id = ?', [row.amount, row.invoice_id]);
    }
    return rows.reduce((sum, r) => sum + Number(r.amount), 0);
  }

  /** Credits of an account with money left, oldest first. */
  async openCredits(em: EntityManager, accountId: number): Promise<{ id: number; left: number }[]> {
    const rows: { id: number; left: string }[] = await em.query(
      `SELECT t.id, t.amount + t.tax_amount - COALESCE(SUM(a.amount), 0) AS \`left\`
         FROM transactions t
         LEFT JOIN credit_applications a ON a.credit_transaction_id = t.id AND a.removed_at IS NULL
        WHERE t.account_id = ? AND ${OPEN_CREDIT_CONDITION}
        GROUP BY t.id
       HAVING \`left\` > 0
        ORDER BY t.transaction_date, t.id`,
      [accountId],
    );
    return rows.map((r) => ({ id: Number(r.id), left: Number(r.left) }));
  }

  /** Open, unfrozen invoices an account pays, oldest first. */
  async payableInvoices(em: EntityManager, accountId: number): Promise<{ id: number; remaining: number }[]> {
    const rows: { id: number; remaining: number }[] = await em.query(
      `SELECT i.id, i.total - i.paid AS remaining FROM ${PAYABLE_INVOICES} i
        WHERE ${collectableInvoice('i')}
        ORDER BY i.invoice_date, i.id`,
      [accountId, accountId],
    );
    return rows.map((r) => ({ id: Number(r.id), remaining: Number(r.remaining) }));
  }

  /**
   * Spends the account's available credit, oldest credit first, on its oldest open
   * invoices. Frozen and void invoices are skipped. Returns what was applied where.
   */
  async autoApply(em: EntityManager, accountId: number): Promise<Application[]> {
    const credits = await this.openCredits(em, accountId);
    if (!credits.length) return [];
    const invoices = await this.payableInvoices(em, accountId);
    return this.spread(em, credits, invoices);
  }

  /**
   * autoApply for many accounts at once (a batch of settled payments), each account's
   * credit spread over its own invoices exactly as autoApply spreads it, in a fixed
   * number of statements: the open credits and the payable invoices of all of them
   * read at once, and the applications written in one INSERT and one UPDATE. An
   * account's invoices are only its own and its children's linked ones, so no two
   * accounts of the set spread over the same invoice.
   */
  async autoApplyMany(em: EntityManager, accountIds: number[]): Promise<Map<number, Application[]>> {
    const applied = new Map<number, Application[]>();
    if (!accountIds.length) return applied;
    const creditRows: { account_id: number; id: number; left: string }[] = await em.query(
      `SELECT t.account_id, t.id, t.amount + t.tax_amount - COALESCE(SUM(a.amount), 0) AS \`left\`
         FROM transactions t
         LEFT JOIN credit_applications a ON a.credit_transaction_id = t.id AND a.removed_at IS NULL
        WHERE t.account_id IN (?) AND ${OPEN_CREDIT_CONDITION}
        GROUP BY t.id
       HAVING \`left\` > 0
        ORDER BY t.account_id, t.transaction_date, t.id`,
      [accountIds],
    );
    const credits = new Map<number, { id: number; left: number }[]>();
    for (const r of creditRows) groupInto(credits, Number(r.account_id), { id: Number(r.id), left: Number(r.left) });
    const payers = [...credits.keys()];
    if (!payers.length) return applied;
    const invoiceRows: { payer_id: number; id: number; remaining: number }[] = await em.query(
      `SELECT i.payer_id, i.id, i.total - i.paid AS remaining FROM ${PAYABLE_INVOICES_OF_MANY} i
        WHERE ${collectableInvoice('i')}
        ORDER BY i.payer_id, i.invoice_date, i.id`,
      [payers, payers],
    );
    const invoices = new Map<number, { id: number; remaining: number }[]>();
    for (const r of invoiceRows) groupInto(invoices, Number(r.payer_id), { id: Number(r.id), remaining: Number(r.remaining) });
    const all: Application[] = [];
    for (const accountId of payers) {
      const plan = planSpread(credits.get(accountId) ?? [], invoices.get(accountId) ?? []);
      if (plan.length) applied.set(accountId, plan);
      all.push(...plan);
    }
    await this.applyMany(em, all);
    return applied;
  }

  async spread(
    em: EntityManager,
    credits: { id: number; left: number }[],
    invoices: { id: number; remaining: number }[],
    limit = Number.MAX_SAFE_INTEGER,
  ): Promise<Application[]> {
    const applied = planSpread(credits, invoices, limit);
    for (const a of applied) await this.apply(em, a.creditId, a.invoiceId, a.amount);
    return applied;
  }

  /** Many applications in one INSERT, and each invoice's share added to it in one UPDATE. */
  private async applyMany(em: EntityManager, applications: Application[]): Promise<void> {
    const real = applications.filter((a) => a.amount > 0);
    if (!real.length) return;
    await em.query('INSERT INTO credit_applications (credit_transaction_id, invoice_id, amount) VALUES ?', [
      real.map((a) => [a.creditId, a.invoiceId, a.amount]),
    ]);
    const perInvoice = new Map<number, number>();
    for (const a of real) perInvoice.set(a.invoiceId, (perInvoice.get(a.invoiceId) ?? 0) + a.amount);
    const paid = caseById(
      [...perInvoice],
      ([invoiceId]) => invoiceId,
      ([, amount]) => amount,
    );
    // The CHECK (paid <= total) on invoices refuses an over-application outright, as apply() relies on.
    await em.query(`UPDATE invoices SET paid = paid + ${paid.sql} WHERE id IN (?)`, [...paid.params, [...perInvoice.keys()]]);
  }
}

export interface Application {
  creditId: number;
  invoiceId: number;
  amount: number;
}

/**
 * How credits (oldest first) spread over invoices (oldest first), up to `limit` in all:
 * each invoice takes what the credits have left until it is paid. Mutates neither list.
 */
export function planSpread(
  credits: { id: number; left: number }[],
  invoices: { id: number; remaining: number }[],
  limit = Number.MAX_SAFE_INTEGER,
): Application[] {
  const left = credits.map((c) => c.left);
  const applied: Application[] = [];
  let budget = limit;
  let c = 0;
  for (const invoice of invoices) {
    let remaining = invoice.remaining;
    while (remaining > 0 && c < credits.length && budget > 0) {
      const amount = Math.min(remaining, left[c], budget);
      applied.push({ creditId: credits[c].id, invoiceId: invoice.id, amount });
      left[c] -= amount;
      remaining -= amount;
      budget -= amount;
      if (left[c] === 0) c++;
    }
    if (c >= credits.length || budget <= 0) break;
  }
  return applied;
}
