import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConflictException, DomainException, NotFoundException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type {
  BillingFiguresDoc,
  DocumentAccount,
  DocumentCompany,
  InvoiceDocument,
  InvoiceLineDetail,
  ReceiptDocument,
  StatementDocument,
} from '../documents/document-types';
import { DocumentRenderer } from '../documents/document-renderer';
import { BillingFiguresService, SIGNED_TOTAL } from './billing-figures.service';
import { CHARGE_SOURCES, type ChargeSource } from './charge-sources';
import { InvoicesService } from './invoices.service';
import { TransactionsQueryService } from './transactions-query.service';
import { LedgerService } from './ledger.service';
import { BillingErrorCode } from './billing.error-codes';

/** The document gathered for `id`, or the reason it could not be made, thrown. */
export function documentOf<T>(documents: Map<number, T | DomainException>, id: number): T {
  const document = documents.get(id);
  if (document instanceof DomainException) throw document;
  return document as T;
}

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
    @Inject(CHARGE_SOURCES) private readonly sources: readonly ChargeSource[],
  ) {}

  /** What the measuring domains print under the charges they wrote (the calls under a voice line), by transaction id. */
  private async lineDetails(transactionIds: number[]): Promise<Map<number, InvoiceLineDetail>> {
    const details = new Map<number, InvoiceLineDetail>();
    if (!transactionIds.length) return details;
    for (const source of this.sources) {
      if (!source.lineDetails) continue;
      for (const [id, detail] of await source.lineDetails(this.db.manager, transactionIds)) details.set(id, detail);
    }
    return details;
  }

  /** The company as every document prints it (contracts too). */
  company(): DocumentCompany {
    return { name: this.config.COMPANY_NAME, addressLines: this.config.COMPANY_ADDRESS.split('|').filter(Boolean) };
  }

  /** Each account's name and postal address as a document prints them; unknown ids are left out. */
  private async accounts(accountIds: number[]): Promise<Map<number, DocumentAccount>> {
    if (!accountIds.length) return new Map();
    const rows: Record<string, string | number | null>[] = await this.db.query(
      `SELECT id, name, COALESCE(mailing_line1, service_line1) AS line1, IF(mailing_line1 IS NULL, service_line2, mailing_line2) AS line2,
              COALESCE(mailing_city, service_city) AS city, COALESCE(mailing_region, service_region) AS region,
              COALESCE(mailing_postcode, service_postcode) AS postcode, COALESCE(mailing_country, service_country) AS country
         FROM accounts WHERE id IN (?)`,
      [accountIds],
    );
    return new Map(
      rows.map((a) => {
        const lines = [a.line1, a.line2, `${a.city}, ${a.region} ${a.postcode}`, a.country].filter((l): l is string => Boolean(l));
        return [Number(a.id), { id: Number(a.id), name: a.name as string, addressLines: lines }];
      }),
    );
  }

  /** The account's name and postal address as every document prints them (contracts too). */
  async account(accountId: number): Promise<DocumentAccount> {
    const account = (await this.accounts([accountId])).get(accountId);
    if (!account) throw new NotFoundException('Account', accountId);
    return account;
  }

  /** The accounts' figures as the API answers them today, which is the day the documents are printed. */
  private async figuresToday(accountIds: number[]): Promise<Map<number, BillingFiguresDoc>> {
    const asOf = this.ledger.today();
    const figures = await this.figures.figuresOf(this.db.manager, accountIds, asOf);
    return new Map(
      [...figures].map(([accountId, f]) => [
        accountId,
        {
          asOf,
          dueNow: f.dueNow,
          balanceDue: f.balanceDue,
          availableCredits: f.availableCredits,
          totalBalance: f.totalBalance,
          nextRecurringCharge: f.nextRecurringCharge,
          nextBillingDate: f.nextBillingDate,
        },
      ]),
    );
  }

  async invoiceDocument(invoiceId: number): Promise<InvoiceDocument> {
    return documentOf(await this.invoiceDocuments([invoiceId]), invoiceId);
  }

  /**
   * Many invoices' documents gathered set-wise: a batch of a hundred costs about as
   * many queries as one, plus one per account for what it owes. An invoice that is
   * gone is answered by the reason in its place.
   */
  async invoiceDocuments(invoiceIds: number[]): Promise<Map<number, InvoiceDocument | DomainException>> {
    const invoices = await this.invoices.getMany(invoiceIds);
    const found = [...invoices.keys()];
    const chargesOf = await this.invoices.chargesOf(found);
    const chargeIds = [...chargesOf.values()].flat().map((c) => c.id);
    const taxesOf = await this.transactions.taxesOf(chargeIds);
    const detailsOf = await this.lineDetails(chargeIds);
    const childrenOf = await this.invoices.childrenOf(found);
    const accountIds = [...new Set([...invoices.values()].map((i) => i.accountId))];
    const accounts = await this.accounts(accountIds);
    const figures = await this.figuresToday(accountIds);
    const documents = new Map<number, InvoiceDocument | DomainException>();
    for (const invoiceId of invoiceIds) {
      const invoice = invoices.get(invoiceId);
      if (!invoice) {
        documents.set(invoiceId, new NotFoundException('Invoice', invoiceId));
        continue;
      }
      const charges = chargesOf.get(invoiceId) ?? [];
      documents.set(invoiceId, {
        currency: this.config.CURRENCY,
        company: this.company(),
        account: accounts.get(invoice.accountId) as DocumentAccount,
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
          ...detailsOf.get(c.id),
        })),
        totals: {
          subtotal: charges.reduce((sum, c) => sum + c.amount, 0),
          tax: invoice.taxTotal,
          total: invoice.total,
          paid: invoice.paid,
          remaining: invoice.remaining,
        },
        childInvoices: (childrenOf.get(invoiceId) ?? []).map((c) => ({
          number: c.number,
          accountName: c.accountName,
          remaining: c.remaining,
        })),
        message: invoice.message,
        figures: figures.get(invoice.accountId) as BillingFiguresDoc,
      });
    }
    return documents;
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
      figures: (await this.figuresToday([invoice.accountId])).get(invoice.accountId) as BillingFiguresDoc,
    };
  }

  async receiptDocument(transactionId: number): Promise<ReceiptDocument> {
    return documentOf(await this.receiptDocuments([transactionId]), transactionId);
  }

  /** Many payments' receipts gathered set-wise, as invoiceDocuments; a row that is not a credit is answered by the reason. */
  async receiptDocuments(transactionIds: number[]): Promise<Map<number, ReceiptDocument | DomainException>> {
    const rows = await this.transactions.rowsWithUnapplied(transactionIds);
    const credits = [...rows.values()].filter((r) => r.side === 'credit');
    const applicationsOf = await this.transactions.applicationsOfMany(credits.map((c) => c.id));
    const accountIds = [...new Set(credits.map((c) => c.accountId))];
    const accounts = await this.accounts(accountIds);
    const figures = await this.figuresToday(accountIds);
    const documents = new Map<number, ReceiptDocument | DomainException>();
    for (const transactionId of transactionIds) {
      const payment = rows.get(transactionId);
      if (!payment) {
        documents.set(transactionId, new NotFoundException('Transaction', transactionId));
        continue;
      }
      if (payment.side !== 'credit') {
        documents.set(
          transactionId,
          new ConflictException(
            BillingErrorCode.NotACredit,
            `Transaction ${transactionId} is a ${payment.kind}; receipts are for payments and credits`,
          ),
        );
        continue;
      }
      documents.set(transactionId, {
        currency: this.config.CURRENCY,
        company: this.company(),
        account: accounts.get(payment.accountId) as DocumentAccount,
        payment: {
          id: payment.id,
          date: payment.date,
          method: payment.paymentMethod ?? payment.kind,
          reference: payment.reference,
          amount: payment.total,
        },
        appliedTo: (applicationsOf.get(transactionId) ?? [])
          .filter((a) => a.removedAt === null)
          .map((a) => ({ invoiceNumber: a.invoiceNumber, amount: a.amount })),
        unapplied: payment.unapplied,
        figures: figures.get(payment.accountId) as BillingFiguresDoc,
      });
    }
    return documents;
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
