import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { EntityManager } from 'typeorm';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TaxService } from '../taxes/tax.service';
import { OPEN_CREDIT_CONDITION, PAYABLE_INVOICES } from './ledger-postings';
import { RecurringCharges } from './recurring-charges';

export class BillingFiguresDto {
  @ApiProperty({ description: 'Owed on open invoices whose due date has come, in minor units' }) dueNow: number;
  @ApiProperty({ description: 'Owed on all open invoices, in minor units' }) balanceDue: number;
  @ApiProperty({ description: 'Credit not yet applied to an invoice, in minor units' }) availableCredits: number;
  @ApiProperty({ description: 'Owed on all open invoices plus charges not yet invoiced, in minor units' }) totalBalance: number;
  @ApiProperty({ description: 'Recurring services and packages for one period with their taxes, in minor units' })
  nextRecurringCharge: number;
  @ApiProperty({ description: 'Charges (with tax) not yet on an invoice, in minor units' }) uninvoiced: number;
  @ApiProperty({ example: 'USD' }) currency: string;
}

/** A debit-side charge that still waits for an invoice. */
export const UNINVOICED_CHARGE_CONDITION = `t.side = 'debit' AND t.kind IN ('debit','adjustment') AND t.invoice_id IS NULL
  AND t.corrected_by_transaction_id IS NULL`;

/**
 * The account's money figures, each defined here once. The API, the admin, the
 * documents and the invariant checker all read them from this service.
 */
@Injectable()
export class BillingFiguresService {
  constructor(
    private readonly recurring: RecurringCharges,
    private readonly taxes: TaxService,
    private readonly billingConfig: BillingConfigService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async figures(em: EntityManager, accountId: number, today: string, opts: { nextRecurring?: boolean } = {}): Promise<BillingFiguresDto> {
    const [row]: Record<string, string>[] = await em.query(
      `SELECT
         COALESCE((SELECT SUM(i.total - i.paid) FROM ${PAYABLE_INVOICES} i WHERE i.is_void = 0), 0) AS balance_due,
         COALESCE((SELECT SUM(i.total - i.paid) FROM ${PAYABLE_INVOICES} i WHERE i.is_void = 0 AND i.due_date <= ?), 0) AS due_now,
         COALESCE((SELECT SUM(t.amount + t.tax_amount) FROM transactions t WHERE t.account_id = ? AND ${OPEN_CREDIT_CONDITION}), 0)
           - COALESCE((SELECT SUM(a.amount) FROM credit_applications a JOIN transactions t ON t.id = a.credit_transaction_id
                        WHERE t.account_id = ? AND ${OPEN_CREDIT_CONDITION} AND a.removed_at IS NULL), 0) AS available,
         COALESCE((SELECT SUM(t.amount + t.tax_amount) FROM transactions t WHERE t.account_id = ? AND ${UNINVOICED_CHARGE_CONDITION}), 0) AS uninvoiced`,
      [accountId, accountId, accountId, accountId, today, accountId, accountId, accountId],
    );
    const balanceDue = Number(row.balance_due);
    const uninvoiced = Number(row.uninvoiced);
    return {
      dueNow: Number(row.due_now),
      balanceDue,
      availableCredits: Number(row.available),
      totalBalance: balanceDue + uninvoiced,
      nextRecurringCharge: opts.nextRecurring === false ? 0 : await this.nextRecurringCharge(em, accountId),
      uninvoiced,
      currency: this.config.CURRENCY,
    };
  }

  /** Every active recurring service and package for one whole period, with the taxes that period would carry. */
  async nextRecurringCharge(em: EntityManager, accountId: number): Promise<number> {
    const rows = await this.recurring.activeRows(em, accountId);
    if (!rows.length) return 0;
    const settings = await this.billingConfig.effective(em, accountId);
    const ctx = await this.taxes.contextFor(em, accountId, { exempt: settings.taxExempt });
    let total = 0;
    for (const row of rows) {
      for (const line of await this.recurring.linesFor(em, row)) {
        total +=
          line.amount +
          this.taxes.taxLines(ctx, line.amount, line.taxIds).reduce((sum: number, tax: { amount: number }) => sum + tax.amount, 0);
      }
    }
    return total;
  }
}
