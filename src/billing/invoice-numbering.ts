import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** INV- and the sequence number, zero-padded to seven digits (more once the sequence outgrows them). */
export function invoiceNumber(sequenceNo: number): string {
  return `INV-${String(sequenceNo).padStart(7, '0')}`;
}

/**
 * Hands out invoice numbers: one unbroken sequence, in the order invoices are
 * issued. A number is taken only when an invoice is issued, inside the
 * transaction that issues it, from the one counter row held FOR UPDATE until that
 * transaction ends; so a rolled-back issue (a preview, a failed batch) gives its
 * numbers back, and two issuers queue up instead of interleaving.
 *
 * Take the counter as late as the work allows: whoever holds it makes every other
 * issuer wait until the commit.
 */
@Injectable()
export class InvoiceNumbering {
  /** Numbers the invoices in the order given; returns each invoice's number. Caller runs in the issuing transaction. */
  async issue(em: EntityManager, invoiceIds: number[]): Promise<Map<number, string>> {
    const numbers = new Map<number, string>();
    if (!invoiceIds.length) return numbers;
    const [counter]: { next_number: number }[] = await em.query('SELECT next_number FROM invoice_number_counter WHERE id = 1 FOR UPDATE');
    const first = Number(counter.next_number);
    const sequenceCases: string[] = [];
    const numberCases: string[] = [];
    const sequenceParams: unknown[] = [];
    const numberParams: unknown[] = [];
    invoiceIds.forEach((id, i) => {
      const number = invoiceNumber(first + i);
      numbers.set(id, number);
      sequenceCases.push('WHEN ? THEN ?');
      sequenceParams.push(id, first + i);
      numberCases.push('WHEN ? THEN ?');
      numberParams.push(id, number);
    });
    const res: { affectedRows: number } = await em.query(
      `UPDATE invoices SET sequence_no = CASE id ${sequenceCases.join(' ')} END, number = CASE id ${numberCases.join(' ')} END,
         issued_at = CURRENT_TIMESTAMP(3)
        WHERE id IN (?) AND sequence_no IS NULL`,
      [...sequenceParams, ...numberParams, invoiceIds],
    );
    // An invoice numbered twice, or one that is not there, would leave a hole or a doubled number.
    if (res.affectedRows !== invoiceIds.length)
      throw new Error(`Only ${res.affectedRows} of ${invoiceIds.length} invoices could be numbered`);
    await em.query('UPDATE invoice_number_counter SET next_number = ? WHERE id = 1', [first + invoiceIds.length]);
    return numbers;
  }

  /**
   * Keeps the number of an issued invoice that is being deleted on record as
   * withdrawn, so the sequence still accounts for it. Caller deletes the invoice
   * in the same transaction.
   */
  async withdraw(em: EntityManager, invoiceId: number, withdrawnBy: number | null): Promise<void> {
    await em.query(
      `INSERT INTO invoice_number_withdrawals (sequence_no, number, invoice_id, account_id, invoice_date, withdrawn_by)
       SELECT sequence_no, number, id, account_id, invoice_date, ? FROM invoices WHERE id = ? AND sequence_no IS NOT NULL`,
      [withdrawnBy, invoiceId],
    );
  }
}
