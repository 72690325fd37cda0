import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { addDays } from './billing-calendar';
import { UNINVOICED_CHARGE_CONDITION } from './billing-figures.service';
import { InvoiceRows } from './invoice-rows';
import { LedgerPostings } from './ledger-postings';

/**
 * The last invoice of a disconnected account: every charge still waiting for an
 * invoice, whatever its date, since no bill run will come for them. It is made like
 * a hand-made invoice (no billing date), so it never collides with the generated
 * invoice of the day, and credit on the account pays it straight away.
 *
 * It is written inside the disconnection's own transaction, which holds the family lock.
 */
@Injectable()
export class FinalInvoiceService {
  constructor(
    private readonly postings: LedgerPostings,
    private readonly billingConfig: BillingConfigService,
    private readonly invoiceRows: InvoiceRows,
  ) {}

  /** Caller holds the family lock. Returns the new invoice's id, or null when nothing was waiting. */
  async write(em: EntityManager, accountId: number, date: string): Promise<number | null> {
    const pending: { id: number }[] = await em.query(
      `SELECT t.id FROM transactions t WHERE t.account_id = ? AND ${UNINVOICED_CHARGE_CONDITION} ORDER BY t.id FOR UPDATE`,
      [accountId],
    );
    if (!pending.length) return null;
    const settings = await this.billingConfig.effective(em, accountId);
    const message = [`Final invoice: the account was disconnected on ${date}.`, settings.invoiceMessage].filter(Boolean).join('\n\n');
    const [invoiceId] = await this.invoiceRows.insert(em, [
      {
        accountId,
        invoiceDate: date,
        dueDate: addDays(date, settings.dueDays),
        periodStart: null,
        periodEnd: null,
        months: 1,
        generatedFor: null,
        message,
      },
    ]);
    await this.postings.fillInvoice(
      em,
      invoiceId,
      pending.map((p) => Number(p.id)),
    );
    await this.postings.autoApply(em, accountId);
    return invoiceId;
  }
}
