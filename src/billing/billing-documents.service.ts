import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConflictException, NotFoundException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type {
  BillingFiguresDoc,
  DocumentAccount,
  DocumentCompany,
  InvoiceDocument,
  ReceiptDocument,
  StatementDocument,
} from '../documents/document-types';
import { DocumentRenderer } from '../documents/document-renderer';
import { BillingFiguresService, SIGNED_TOTAL } from './billing-figures.service';
import { InvoicesService } from './invoices.service';
import { TransactionsQueryService } from './transactions-query.service';
import { LedgerService } from './ledger.service';
import { BillingErrorCode } from './billing.error-codes';

/**
 * Gathers what an invoice, a statement or a receipt shows from the same services
 * and figures the API answers with, then hands it to the renderer.
 */
@Injectable()
export class BillingDocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly invoices: InvoicesService,
    private readonly transactions: TransactionsQueryService,
    private readonly figures: BillingFiguresService,
    private readonly ledger: LedgerService,
    private readonly renderer: DocumentRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private company(): DocumentCompany {
    return { name: this.config.COMPANY_NAME, addressLines: this.config.COMPANY_ADDRESS.split('|').filter(Boolean) };
  }

  private async account(accountId: number): Promise<DocumentAccount> {
    const [a]: Record<string, string | null>[] = await this.db.query(
      `SELECT name, COALESCE(mailing_line1, service_line1) AS line1, IF(mailing_line1 IS NULL, service_line2, mailing_line2) AS line2,
              COALESCE(mailing_city, service_city) AS city, COALESCE(mailing_region, service_region) AS region,
              COALESCE(mailing_postcode, service_postcode) AS postcode, COALESCE(mailing_country, service_country) AS country
         FROM accounts WHERE id = ?`,
      [accountId],
    );
    if (!a) throw new NotFoundException('Account', accountId);
    const lines = [a.line1, a.line2, `${a.city}, ${a.region} ${a.postcode}`, a.country].filter((l): l is string => Boolean(l));
    return { id: accountId, name: a.name as string, addressLines: lines };
  }

  /** The account's figures as the API answers them today, which is the day the document is printed. */
  private async figuresToday(accountId: number): Promise<BillingFiguresDoc> {
    const asOf = this.ledger.today();
    const f = await this.figures.figures(this.db.manager, accountId, asOf);
    return {
      asOf,
      dueNow: f.dueNow,
      balanceDue: f.balanceDue,
      availableCredits: f.availableCredits,
      totalBalance: f.totalBalance,
      nextRecurringCharge: f.nextRecurringCharge,
      nextBillingDate: f.nextBillingDate,
    };
  }

  async invoiceDocument(invoiceId: number): Promise<InvoiceDocument> {
    const invoice = await this.invoices.get(invoiceId);
    const { charges } = await this.invoices.transactions(invoiceId);
    const taxed = (await this.transactions.list({ invoiceId }, { field: 'date', order: 'ASC' }, 0, 10_000)).items;
    const taxesOf = new Map(taxed.map((t) => [t.id, t.taxes]));
    const children = (await this.invoices.list({ parentInvoiceId: invoiceId }, { field: 'id', order: 'ASC' }, 0, 1000)).items;
    const subtotal = charges.reduce((s, c) => s + c.amount, 0);
    return {
      currency: this.config.CURRENCY,
      company: this.company(),
      account: await this.account(invoice.accountId),
      invoice: {
        id: invoice.id,
        number: invoice.number,
        date: invoice.invoiceDate,
        dueDate: invoice.dueDate,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
        months: invoice.months,
        void: invoice.void,
      },
      lines: charges.map((c) => ({
        date: c.date,
        description: c.description,
        quantity: c.quantity,
        amount: c.amount,
        taxes: (taxesOf.get(c.id) ?? []).map((t) => ({ name: t.taxName, rateE4: t.rateE4, amount: t.amount })),
      })),
      totals: { subtotal, tax: invoice.taxTotal, total: invoice.total, paid: invoice.paid, remaining: invoice.remaining },
      childInvoices: children.map((c) => ({ number: c.number, accountName: c.accountName, remaining: c.remaining })),
      message: invoice.message,
      figures: await this.figuresToday(invoice.accountId),
    };
  }

  /** The bill as a statement: the balance carried from the previous bill, then everything since, up to this bill's date. */
  async statementDocument(invoiceId: number): Promise<StatementDocument> {
    const invoice = await this.invoices.get(invoiceId);
    const [prev]: { d: string }[] = await this.db.query(
      `SELECT DATE_FORMAT(MAX(invoice_date), '%Y-%m-%d') AS d FROM invoices
        WHERE account_id = ? AND (invoice_date < ? OR (invoice_date = ? AND id < ?))`,
      [invoice.accountId, invoice.invoiceDate, invoice.invoiceDate, invoiceId],
    );
    const since = prev?.d ?? null;
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT t.kind, t.description, DATE_FORMAT(t.transaction_date, '%Y-%m-%d') AS d, ${SIGNED_TOTAL} AS signed
         FROM transactions t WHERE t.account_id = ? AND t.transaction_date > ? AND t.transaction_date <= ?
        ORDER BY t.transaction_date, t.id`,
      [invoice.accountId, since ?? '0001-01-01', invoice.invoiceDate],
    );
    const priorBalance = since === null ? 0 : await this.figures.balanceOn(this.db.manager, invoice.accountId, since);
    let balance = priorBalance;
    const activity = rows.map((r) => {
      balance += Number(r.signed);
      return {
        date: r.d as string,
        kind: r.kind as StatementDocument['activity'][number]['kind'],
        description: r.description as string,
        amount: Number(r.signed),
        balance,
      };
    });
    return {
      currency: this.config.CURRENCY,
      company: this.company(),
      account: await this.account(invoice.accountId),
      statement: { date: invoice.invoiceDate, dueDate: invoice.dueDate, since },
      priorBalance,
      activity,
      closingBalance: balance,
      message: invoice.message,
      figures: await this.figuresToday(invoice.accountId),
    };
  }

  async receiptDocument(transactionId: number): Promise<ReceiptDocument> {
    const payment = await this.transactions.get(transactionId);
    if (payment.side !== 'credit')
      throw new ConflictException(
        BillingErrorCode.NotACredit,
        `Transaction ${transactionId} is a ${payment.kind}; receipts are for payments and credits`,
      );
    const applications = (await this.transactions.applicationsOf(transactionId)).filter((a) => a.removedAt === null);
    return {
      currency: this.config.CURRENCY,
      company: this.company(),
      account: await this.account(payment.accountId),
      payment: {
        id: payment.id,
        date: payment.date,
        method: payment.paymentMethod ?? payment.kind,
        reference: payment.reference,
        amount: payment.total,
      },
      appliedTo: applications.map((a) => ({ invoiceNumber: a.invoiceNumber, amount: a.amount })),
      unapplied: payment.unapplied,
      figures: await this.figuresToday(payment.accountId),
    };
  }

  async invoicePdf(invoiceId: number): Promise<Buffer> {
    return this.renderer.invoice(await this.invoiceDocument(invoiceId));
  }

  async statementPdf(invoiceId: number): Promise<Buffer> {
    return this.renderer.statement(await this.statementDocument(invoiceId));
  }

  async receiptPdf(transactionId: number): Promise<Buffer> {
    return this.renderer.receipt(await this.receiptDocument(transactionId));
  }
}
