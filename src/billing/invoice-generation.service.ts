import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadInputException } from '../common/errors';
import { rolledBackTransaction, transactionWithRetry } from '../database/transaction';
import { isBillingDate, Period } from './billing-calendar';
import { FamilyLockService } from './family-lock.service';
import { GeneratedInvoice, InvoiceBatchService, invoicePeriod } from './invoice-batch.service';
import type { ParkingRule, SafetyBounds } from './invoice-bounds';

export type { GeneratedInvoice };

export interface InvoicePreview {
  accountId: number;
  /** The invoice for this date exists already; the lines shown are the ones it has. */
  alreadyInvoiced: boolean;
  /** A bill run would park this account rather than invoice it, and why. */
  parked: { rule: ParkingRule; reason: string; usualTotal: number | null } | null;
  total: number;
  taxTotal: number;
  lines: { description: string; amount: number; taxAmount: number }[];
}

/**
 * Builds the invoice of one account for one billing date: the function a bill
 * run calls per account. Safe to call any number of times for the same date:
 * the unique key on (account, billing date) and on (service, period) mean a
 * retried or replayed call finds its earlier work instead of charging twice.
 */
@Injectable()
export class InvoiceGenerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: FamilyLockService,
    private readonly batch: InvoiceBatchService,
  ) {}

  async generate(accountId: number, billingDate: string): Promise<GeneratedInvoice> {
    if (!isBillingDate(billingDate)) {
      throw new BadInputException([{ field: 'billingDate', rule: 'date', message: 'billingDate must be a date as YYYY-MM-DD' }]);
    }
    return transactionWithRetry(this.db, async (em) => {
      const family = await this.locks.lock(em, accountId);
      const outcome = await this.batch.invoiceFamilies(em, [accountId], billingDate, new Map([[accountId, family.parentAccountId]]));
      return outcome.invoices.get(accountId) ?? { invoiceId: null, created: false };
    });
  }

  /**
   * What generating would create for these accounts on this date, without keeping
   * any of it: the same code runs inside a transaction that is always rolled back,
   * writing drafts that take no invoice number.
   */
  async preview(accountIds: number[], billingDate: string, opts: { bounds?: SafetyBounds } = {}): Promise<InvoicePreview[]> {
    if (!isBillingDate(billingDate)) {
      throw new BadInputException([{ field: 'billingDate', rule: 'date', message: 'billingDate must be a date as YYYY-MM-DD' }]);
    }
    const previews: InvoicePreview[] = [];
    for (const accountId of accountIds) {
      const preview = await rolledBackTransaction(this.db, async (em): Promise<InvoicePreview> => {
        await this.locks.lock(em, accountId);
        const [existing]: { id: number }[] = await em.query('SELECT id FROM invoices WHERE account_id = ? AND generated_for = ?', [
          accountId,
          billingDate,
        ]);
        // A run would park the account instead of invoicing it; the lines shown are what it would have invoiced.
        const checked = opts.bounds
          ? await this.batch.invoiceLocked(em, [accountId], billingDate, { bounds: opts.bounds, draft: true })
          : null;
        const parked = checked?.parked.find((p) => p.accountId === accountId) ?? null;
        const outcome = await this.batch.invoiceLocked(em, [accountId], billingDate, { draft: true });
        const result = outcome.invoices.get(accountId) ?? { invoiceId: null, created: false };
        const lines: { description: string; amount: number; tax_amount: number }[] =
          result.invoiceId === null
            ? []
            : await em.query('SELECT description, amount, tax_amount FROM transactions WHERE invoice_id = ? ORDER BY id', [
                result.invoiceId,
              ]);
        return {
          accountId,
          alreadyInvoiced: Boolean(existing),
          parked: parked && { rule: parked.rule, reason: parked.reason, usualTotal: parked.usualTotal },
          total: lines.reduce((sum, l) => sum + Number(l.amount) + Number(l.tax_amount), 0),
          taxTotal: lines.reduce((sum, l) => sum + Number(l.tax_amount), 0),
          lines: lines.map((l) => ({ description: l.description, amount: Number(l.amount), taxAmount: Number(l.tax_amount) })),
        };
      });
      previews.push(preview);
    }
    return previews;
  }

  /** The period an invoice on this date covers: the coming month in advance, the month just ended in arrears. */
  static periodFor(billingDate: string, timing: 'advance' | 'arrears'): Period {
    return invoicePeriod(billingDate, timing);
  }
}
