import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { addDays } from '../billing/billing-calendar';
import { UNINVOICED_CHARGE_CONDITION } from '../billing/billing-figures.service';
import { LedgerPostings } from '../billing/ledger-postings';

/**
 * The last invoice of a disconnected account: every charge still waiting for an
 * invoice, whatever its date, since no bill run will come for them. It is made like
 * a hand-made invoice (no billing date), so it never collides with the generated
 * invoice of the day, and credit on the account pays it straight away.
 *
 * It is written here rather than through InvoicesService.createManual because that
 * opens a transaction of its own and the disconnection must be one transaction.
 */
@Injectable()
export class FinalInvoiceService {
  constructor(
    private readonly postings: LedgerPostings,
    private readonly billingConfig: BillingConfigService,
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
    const insert: { insertId: number } = await em.query(
      `INSERT INTO invoices (account_id, invoice_date, due_date, months, manual, message) VALUES (?, ?, ?, 1, 1, ?)`,
      [accountId, date, addDays(date, settings.dueDays), message],
    );
    const invoiceId = Number(insert.insertId);
    await this.postings.fillInvoice(
      em,
      invoiceId,
      pending.map((p) => Number(p.id)),
    );
    await this.postings.autoApply(em, accountId);
    return invoiceId;
  }
}
