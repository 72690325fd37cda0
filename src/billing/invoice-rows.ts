import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** An invoice about to exist; its lines are attached afterwards by the caller. */
export interface NewInvoice {
  accountId: number;
  invoiceDate: string;
  dueDate: string;
  periodStart: string | null;
  periodEnd: string | null;
  months: number;
  /** The billing date of an invoice a bill run (or its preview of a day) generates; null for one made by hand. */
  generatedFor: string | null;
  message: string | null;
  /** Known up front when the lines are planned; otherwise filled in as the lines are attached. */
  total?: number;
  taxTotal?: number;
}

/** Rows per INSERT statement: large enough to be quick, small enough for max_allowed_packet. */
const ROWS_PER_STATEMENT = 500;

/**
 * The one place an invoice row comes into being, whether a bill run writes thousands,
 * a clerk makes one by hand or a disconnection closes the account with a final one.
 * Every invoice therefore starts with the same columns set the same way (manual is
 * exactly "not generated for a billing date"), and the numbering, the triggers and the
 * books checker see one shape. Runs inside the caller's transaction.
 */
@Injectable()
export class InvoiceRows {
  private consecutive: boolean | undefined;

  /** Inserts the invoices and returns their ids, in the order given. */
  async insert(em: EntityManager, invoices: NewInvoice[]): Promise<number[]> {
    const ids: number[] = [];
    for (let at = 0; at < invoices.length; at += ROWS_PER_STATEMENT) {
      const part = invoices.slice(at, at + ROWS_PER_STATEMENT);
      const rows = part.map((i) => [
        i.accountId,
        i.invoiceDate,
        i.dueDate,
        i.periodStart,
        i.periodEnd,
        i.months,
        i.generatedFor === null ? 1 : 0,
        i.generatedFor,
        i.message,
        i.total ?? 0,
        i.taxTotal ?? 0,
      ]);
      const res: { insertId: number; affectedRows: number } = await em.query(
        `INSERT INTO invoices (account_id, invoice_date, due_date, period_start, period_end, months, manual, generated_for, message, total, tax_total)
         VALUES ?`,
        [rows],
      );
      if (part.length === 1 || ((await this.consecutiveIds(em)) && res.affectedRows === part.length)) {
        part.forEach((_, i) => ids.push(Number(res.insertId) + i));
      } else {
        ids.push(...(await this.findGenerated(em, part)));
      }
    }
    return ids;
  }

  /** The invoice turned delinquent; it stays so until paid, whatever happens to the account's status. */
  async markDelinquent(em: EntityManager, invoiceId: number): Promise<void> {
    await em.query('UPDATE invoices SET delinquent = 1 WHERE id = ?', [invoiceId]);
  }

  /**
   * Whether a multi-row INSERT hands out consecutive ids in the order of its rows: true
   * unless the server interleaves auto-increment values between statements
   * (innodb_autoinc_lock_mode = 2). Asked once per process.
   */
  async consecutiveIds(em: EntityManager): Promise<boolean> {
    if (this.consecutive === undefined) {
      const [row]: { mode: number }[] = await em.query('SELECT @@innodb_autoinc_lock_mode AS mode');
      this.consecutive = Number(row.mode) !== 2;
    }
    return this.consecutive;
  }

  /** Ids of generated invoices found by their key (account, billing date); only generated invoices come in bulk. */
  private async findGenerated(em: EntityManager, part: NewInvoice[]): Promise<number[]> {
    const byKey = new Map<string, number>();
    for (const date of new Set(part.map((i) => i.generatedFor))) {
      if (date === null) throw new Error('Invoices made by hand are inserted one at a time');
      const accounts = part.filter((i) => i.generatedFor === date).map((i) => i.accountId);
      const found: { id: number; account_id: number }[] = await em.query(
        'SELECT id, account_id FROM invoices WHERE account_id IN (?) AND generated_for = ?',
        [accounts, date],
      );
      for (const r of found) byKey.set(`${r.account_id}/${date}`, Number(r.id));
    }
    return part.map((i) => byKey.get(`${i.accountId}/${i.generatedFor}`) as number);
  }
}
