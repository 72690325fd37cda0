import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TaxLine } from '../taxes/tax.service';
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

/**
 * The lowest layer of the ledger: writing transactions with their tax rows and
 * moving credit onto and off invoices. Callers hold the family lock and run
 * inside one transaction; nothing here checks business rules.
 */
@Injectable()
export class LedgerPostings {
  constructor(private readonly numbering: InvoiceNumbering) {}

  async insert(em: EntityManager, t: NewTransaction): Promise<number> {
    const taxAmount = t.taxes.reduce((sum, tax) => sum + tax.amount, 0);
    const result: { insertId: number } = await em.query(
      `INSERT INTO transactions (account_id, kind, side, amount, tax_amount, transaction_date, description, service_id, account_service_id,
         quantity, period_start, period_end, payment_method, reference, invoice_id, corrects_transaction_id, offsets_uninvoiced,
         idempotency_key, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        t.accountId,
        t.kind,
        t.side,
        t.amount,
        taxAmount,
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
      ],
    );
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
  async autoApply(em: EntityManager, accountId: number): Promise<{ creditId: number; invoiceId: number; amount: number }[]> {
    const credits = await this.openCredits(em, accountId);
    if (!credits.length) return [];
    const invoices = await this.payableInvoices(em, accountId);
    return this.spread(em, credits, invoices);
  }

  async spread(
    em: EntityManager,
    credits: { id: number; left: number }[],
    invoices: { id: number; remaining: number }[],
    limit = Number.MAX_SAFE_INTEGER,
  ): Promise<{ creditId: number; invoiceId: number; amount: number }[]> {
    const applied: { creditId: number; invoiceId: number; amount: number }[] = [];
    let budget = limit;
    let c = 0;
    for (const invoice of invoices) {
      let remaining = invoice.remaining;
      while (remaining > 0 && c < credits.length && budget > 0) {
        const amount = Math.min(remaining, credits[c].left, budget);
        await this.apply(em, credits[c].id, invoice.id, amount);
        applied.push({ creditId: credits[c].id, invoiceId: invoice.id, amount });
        credits[c].left -= amount;
        remaining -= amount;
        budget -= amount;
        if (credits[c].left === 0) c++;
      }
      if (c >= credits.length || budget <= 0) break;
    }
    return applied;
  }
}
