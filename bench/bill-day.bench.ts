import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { BillingDocumentsService, documentOf } from '../src/billing/billing-documents.service';
import { DocumentRenderer } from '../src/documents/document-renderer';
import { EMAIL_BATCH_SIZE } from '../src/email/email-batches';
import { BillDayPopulation, populateBillDayAccounts } from '../src/demo/bill-day-population';
import { withContext } from './bill-run.bench';

export { BILL_DAY_BANK_TOKEN } from '../src/demo/bill-day-population';

/**
 * The parts of `npm run bench:billday` that need the project's code: a bill-day
 * population (the bill run's subscribers, each top-level account with a billing
 * contact and an autopay bank account), the PDF baseline of the emails stage, and
 * the end-state counts. scripts/bench-billday.mjs runs the processes; the database
 * set-up, the INSERT baseline and the books check are bill-run.bench's.
 */

/** The bill day's population (src/demo/bill-day-population.ts) in the database at `databaseUrl`. */
export async function populateBillDay(databaseUrl: string, accounts: number, billingDate: string): Promise<BillDayPopulation> {
  return withContext(databaseUrl, (app) => populateBillDayAccounts(app.get(DataSource), { accounts, billingDate }));
}

export interface PdfBaseline {
  invoices: number;
  ms: number;
  /** Mean size of one invoice PDF. */
  meanBytes: number;
  /** One of the PDFs, of about the mean size, for the SMTP baseline's attachment. */
  sample: Buffer;
}

/** The invoice PDFs of the emailed invoices, gathered and rendered alone in this process by the product's code. */
export async function renderInvoicePdfs(databaseUrl: string): Promise<PdfBaseline> {
  return withContext(databaseUrl, async (app) => {
    const db = app.get(DataSource);
    const documents = app.get(BillingDocumentsService);
    const renderer = app.get(DocumentRenderer);
    const rows: { id: number }[] = await db.query(
      "SELECT DISTINCT related_id AS id FROM emails WHERE related_type = 'invoice' AND related_id IS NOT NULL ORDER BY related_id",
    );
    let bytes = 0;
    let sample: Buffer = Buffer.alloc(0);
    const started = process.hrtime.bigint();
    // As an email batch makes them: each hundred's data gathered set-wise, then each drawn.
    for (let from = 0; from < rows.length; from += EMAIL_BATCH_SIZE) {
      const ids = rows.slice(from, from + EMAIL_BATCH_SIZE).map((row) => Number(row.id));
      const gathered = await documents.invoiceDocuments(ids);
      for (const id of ids) {
        const pdf = await renderer.invoice(documentOf(gathered, id));
        bytes += pdf.length;
        if (!sample.length) sample = pdf;
      }
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { invoices: rows.length, ms, meanBytes: rows.length ? bytes / rows.length : 0, sample };
  });
}

export interface BillDayCheck {
  /** Invoices of the date on accounts with a billing contact: each should have one sent email. */
  invoicesWithRecipient: number;
  emails: number;
  emailsSent: number;
  invoicesEmailedOnce: number;
  invoicesNotEmailedOnce: number;
  /** Accounts with an autopay method and an invoice of the date. */
  autopayAccounts: number;
  payments: number;
  paymentsSucceeded: number;
  accountsChargedOnce: number;
  accountsNotChargedOnce: number;
  ledgerPayments: number;
  accountsWithOneLedgerPayment: number;
  events: number;
  eventsProcessed: number;
  eventsProcessedOnce: number;
}

/** What the bill day left in the tables, counted straight from the rows. */
export async function checkBillDay(databaseUrl: string, billingDate: string, eventPrefix: string): Promise<BillDayCheck> {
  return withContext(databaseUrl, async (app) => {
    const db = app.get(DataSource);
    const one = async (sql: string, params: unknown[] = []) => Number(Object.values((await db.query(sql, params))[0])[0]);
    const invoicesWithRecipient = `SELECT i.id FROM invoices i JOIN accounts a ON a.id = i.account_id
       WHERE i.generated_for = ? AND i.is_void = 0 AND a.parent_account_id IS NULL
         AND EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = a.id AND c.email IS NOT NULL)`;
    const sentPerInvoice = `SELECT i.id, (SELECT COUNT(*) FROM emails e WHERE e.related_type = 'invoice' AND e.related_id = i.id AND e.status = 'sent') AS sent
       FROM (${invoicesWithRecipient}) i`;
    const autopayAccounts = `SELECT DISTINCT a.id FROM accounts a JOIN payment_methods pm ON pm.autopay_account_id = a.id
       JOIN invoices i ON i.account_id = a.id AND i.generated_for = ? AND i.parent_invoice_id IS NULL`;
    const paymentsPerAccount = `SELECT x.id,
         (SELECT COUNT(*) FROM processor_payments p WHERE p.account_id = x.id AND p.payment_date = ?) AS payments,
         (SELECT COUNT(*) FROM processor_payments p JOIN transactions t ON t.id = p.transaction_id
           WHERE p.account_id = x.id AND p.payment_date = ?) AS ledger
       FROM (${autopayAccounts}) x`;
    const events = "FROM webhook_events WHERE id LIKE CONCAT(?, '%')";
    return {
      invoicesWithRecipient: await one(`SELECT COUNT(*) FROM (${invoicesWithRecipient}) x`, [billingDate]),
      emails: await one("SELECT COUNT(*) FROM emails WHERE related_type = 'invoice'"),
      emailsSent: await one("SELECT COUNT(*) FROM emails WHERE related_type = 'invoice' AND status = 'sent'"),
      invoicesEmailedOnce: await one(`SELECT COUNT(*) FROM (${sentPerInvoice}) x WHERE x.sent = 1`, [billingDate]),
      invoicesNotEmailedOnce: await one(`SELECT COUNT(*) FROM (${sentPerInvoice}) x WHERE x.sent <> 1`, [billingDate]),
      autopayAccounts: await one(`SELECT COUNT(*) FROM (${autopayAccounts}) x`, [billingDate]),
      payments: await one('SELECT COUNT(*) FROM processor_payments WHERE payment_date = ?', [billingDate]),
      paymentsSucceeded: await one("SELECT COUNT(*) FROM processor_payments WHERE payment_date = ? AND status = 'succeeded'", [
        billingDate,
      ]),
      accountsChargedOnce: await one(`SELECT COUNT(*) FROM (${paymentsPerAccount}) x WHERE x.payments = 1`, [
        billingDate,
        billingDate,
        billingDate,
      ]),
      accountsNotChargedOnce: await one(`SELECT COUNT(*) FROM (${paymentsPerAccount}) x WHERE x.payments <> 1`, [
        billingDate,
        billingDate,
        billingDate,
      ]),
      ledgerPayments: await one(
        'SELECT COUNT(*) FROM processor_payments p JOIN transactions t ON t.id = p.transaction_id WHERE p.payment_date = ?',
        [billingDate],
      ),
      accountsWithOneLedgerPayment: await one(`SELECT COUNT(*) FROM (${paymentsPerAccount}) x WHERE x.ledger = 1`, [
        billingDate,
        billingDate,
        billingDate,
      ]),
      events: await one(`SELECT COUNT(*) ${events}`, [eventPrefix]),
      eventsProcessed: await one(`SELECT COUNT(*) ${events} AND status = 'processed'`, [eventPrefix]),
      eventsProcessedOnce: await one(`SELECT COUNT(*) ${events} AND status = 'processed' AND attempts = 1`, [eventPrefix]),
    };
  });
}
