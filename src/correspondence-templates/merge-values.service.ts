import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillingFiguresService } from '../billing/billing-figures.service';
import { InvoicesService } from '../billing/invoices.service';
import { LedgerService } from '../billing/ledger.service';
import type { BillingFiguresDto } from '../billing/billing-figures.service';
import type { InvoiceResponseDto } from '../billing/dto/invoice.dto';
import { BadInputException, NotFoundException } from '../common/errors';
import { formatMoney } from '../common/money';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProcessorPaymentRow, processorPayments } from '../payments/processor-payment-rows';
import type { MergeValues } from './merge-fields';

const METHOD_WORDS: Record<ProcessorPaymentRow['method'], string> = { card: 'card', bank: 'bank debit' };

/** What a message is about, looked up once; contact.name is added per recipient. */
export interface MessageSubject {
  accountId: number;
  invoiceId?: number | null;
  /** A processor payment. */
  paymentId?: number | null;
}

/**
 * Turns an account, an invoice and a payment into merge values, with every amount
 * formatted by the one money formatter and the instance currency, as the PDFs print them.
 * The account's own figures are the billing figures of the day the message is written.
 */
@Injectable()
export class MergeValuesService {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly figures: BillingFiguresService,
    private readonly ledger: LedgerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async values(em: EntityManager, subject: MessageSubject): Promise<MergeValues> {
    const values = (await this.accountValuesOf(em, [subject.accountId])).get(subject.accountId);
    if (!values) throw new NotFoundException('Account', subject.accountId);
    if (subject.invoiceId) Object.assign(values, await this.invoiceValues(em, subject.accountId, subject.invoiceId));
    if (subject.paymentId) Object.assign(values, await this.paymentValues(em, subject.accountId, subject.paymentId));
    return values;
  }

  /** The account's own merge values of many accounts, read set-wise; unknown accounts are absent. */
  async accountValuesOf(em: EntityManager, accountIds: number[]): Promise<Map<number, MergeValues>> {
    const result = new Map<number, MergeValues>();
    if (!accountIds.length) return result;
    const accounts: { id: number; name: string }[] = await em.query('SELECT id, name FROM accounts WHERE id IN (?)', [accountIds]);
    // No merge field prints the next recurring charge, and it is the one figure that reads the catalogue and the taxes.
    const figuresOf = await this.figures.figuresOf(
      em,
      accounts.map((a) => Number(a.id)),
      this.ledger.today(),
      { nextRecurringCharge: false },
    );
    for (const account of accounts) {
      const accountId = Number(account.id);
      const figures = figuresOf.get(accountId) as BillingFiguresDto;
      result.set(accountId, {
        'account.id': String(accountId),
        'account.name': account.name,
        'account.due_now': this.money(figures.dueNow),
        'account.balance_due': this.money(figures.balanceDue),
        'account.available_credits': this.money(figures.availableCredits),
        'account.total_balance': this.money(figures.totalBalance),
        'account.next_billing_date': figures.nextBillingDate ?? '',
        'company.name': this.config.COMPANY_NAME,
      });
    }
    return result;
  }

  /** The invoice's own figures, and the account's balance on its date (what the statement closes at). */
  async invoiceValues(em: EntityManager, accountId: number, invoiceId: number | InvoiceResponseDto): Promise<MergeValues> {
    const invoice = typeof invoiceId === 'number' ? await this.invoices.get(invoiceId, em) : invoiceId;
    if (invoice.accountId !== accountId) {
      throw new BadInputException([
        {
          field: 'invoiceId',
          rule: 'sameAccount',
          message: `invoice ${invoice.id} belongs to account ${invoice.accountId}, not ${accountId}`,
        },
      ]);
    }
    return (await this.invoiceValuesOf(em, [invoice])).get(invoice.id) as MergeValues;
  }

  /** invoiceValues of many invoices, the balances read once per invoice date: what a bill run batch's emails show. */
  async invoiceValuesOf(em: EntityManager, invoices: InvoiceResponseDto[]): Promise<Map<number, MergeValues>> {
    const values = new Map<number, MergeValues>();
    for (const date of new Set(invoices.map((i) => i.invoiceDate))) {
      const onDate = invoices.filter((i) => i.invoiceDate === date);
      const balances = await this.figures.balancesOn(em, [...new Set(onDate.map((i) => i.accountId))], date);
      for (const invoice of onDate) {
        values.set(invoice.id, {
          'invoice.number': invoice.number,
          'invoice.date': invoice.invoiceDate,
          'invoice.due_date': invoice.dueDate,
          'invoice.total': this.money(invoice.total),
          'invoice.balance_due': this.money(invoice.remaining),
          'statement.balance': this.money(balances.get(invoice.accountId) as number),
        });
      }
    }
    return values;
  }

  async paymentValues(em: EntityManager, accountId: number, paymentId: number | ProcessorPaymentRow): Promise<MergeValues> {
    const payment = typeof paymentId === 'number' ? await processorPayments.byId(em, paymentId) : paymentId;
    if (!payment) throw new NotFoundException('Payment', paymentId as number);
    if (payment.accountId !== accountId) {
      throw new BadInputException([
        {
          field: 'paymentId',
          rule: 'sameAccount',
          message: `payment ${payment.id} belongs to account ${payment.accountId}, not ${accountId}`,
        },
      ]);
    }
    return {
      'payment.amount': formatMoney(payment.amount, payment.currency.toUpperCase()),
      'payment.date': payment.date,
      'payment.method': METHOD_WORDS[payment.method],
      'payment.failure_reason': payment.failureReason ?? '',
    };
  }

  private money(cents: number): string {
    return formatMoney(cents, this.config.CURRENCY);
  }
}
