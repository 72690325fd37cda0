import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { OWED_ON_INVOICE, OWING_INVOICE_CONDITION } from './billing-figures.service';
import { AGING_BUCKETS, type AgingBucket, agingBucketSql, OPEN_INVOICE_INDEXED } from './receivables-aging';
import { RECURRING_AMOUNT, RECURRING_AMOUNT_JOINS, serviceActiveOnCondition } from './recurring-charges';

/**
 * A payment received, on the day it was dated. A later reversal is a row of its own
 * on its own date, so a month's payments never change once the month is closed.
 */
export const RECEIVED_PAYMENT_CONDITION = `t.kind = 'payment'`;

/** What a received payment brought in, tax included, in minor units. */
export const RECEIVED_PAYMENT_AMOUNT = `t.amount + t.tax_amount`;

export interface AgingFigure {
  bucket: AgingBucket;
  invoices: number;
  /** Minor units still owed on those invoices. */
  owed: number;
}

export interface MonthFigure {
  /** YYYY-MM */
  month: string;
  /** Minor units on invoices dated in the month, void ones left out. */
  invoiced: number;
  /** Minor units received in payments dated in the month. */
  paid: number;
}

/**
 * The whole book's money figures, from the same definitions as one account's
 * (BillingFiguresService): summed over every account by the database, each an
 * aggregate over one table, never a walk over accounts.
 */
@Injectable()
export class BookFiguresService {
  constructor(private readonly billingConfig: BillingConfigService) {}

  /** Open invoices by how far past due they are on the date, every bucket present. */
  async aging(em: EntityManager, today: string): Promise<AgingFigure[]> {
    const rows: { bucket: AgingBucket; invoices: string; owed: string }[] = await em.query(
      `SELECT ${agingBucketSql('run.d')} AS bucket, COUNT(*) AS invoices, SUM(${OWED_ON_INVOICE}) AS owed
         FROM (SELECT CAST(? AS DATE) AS d) run JOIN invoices i ON ${OPEN_INVOICE_INDEXED}
        GROUP BY bucket`,
      [today],
    );
    const found = new Map(rows.map((r) => [r.bucket, r]));
    return AGING_BUCKETS.map((bucket) => ({
      bucket,
      invoices: Number(found.get(bucket)?.invoices ?? 0),
      owed: Number(found.get(bucket)?.owed ?? 0),
    }));
  }

  /**
   * Months wholly inside the closed accounting period, once summed: nothing dated in
   * a closed period changes (voids and corrections land in the open one), so only the
   * open months are read again. Keyed by month; a close date moving forward only adds.
   */
  private readonly closedMonths = new Map<string, MonthFigure>();

  /** Invoiced and paid per calendar month from the first day of `fromMonth` through `today`, every month present. */
  async byMonth(em: EntityManager, fromMonth: string, today: string): Promise<MonthFigure[]> {
    const wanted: string[] = [];
    for (let month = fromMonth; month <= today.slice(0, 7); month = nextMonth(month)) wanted.push(month);
    const closeDate = await this.billingConfig.closeDate(em);
    const closedThrough = closeDate ? lastClosedMonth(closeDate) : null;
    const firstOpen = wanted.find((m) => !(closedThrough && m <= closedThrough && this.closedMonths.has(m)));
    const read = new Map<string, MonthFigure>();
    if (firstOpen) {
      const from = `${firstOpen}-01`;
      const [invoiced, paid]: { month: string; amount: string }[][] = await Promise.all([
        em.query(
          `SELECT DATE_FORMAT(i.invoice_date, '%Y-%m') AS month, SUM(i.total) AS amount FROM invoices i
            WHERE i.invoice_date BETWEEN ? AND ? AND ${OWING_INVOICE_CONDITION} GROUP BY month`,
          [from, today],
        ),
        em.query(
          `SELECT DATE_FORMAT(t.transaction_date, '%Y-%m') AS month, SUM(${RECEIVED_PAYMENT_AMOUNT}) AS amount FROM transactions t
            WHERE ${RECEIVED_PAYMENT_CONDITION} AND t.transaction_date BETWEEN ? AND ? GROUP BY month`,
          [from, today],
        ),
      ]);
      const inv = new Map(invoiced.map((r) => [r.month, Number(r.amount)]));
      const pay = new Map(paid.map((r) => [r.month, Number(r.amount)]));
      for (const month of wanted.filter((m) => m >= firstOpen)) {
        const figure = { month, invoiced: inv.get(month) ?? 0, paid: pay.get(month) ?? 0 };
        read.set(month, figure);
        if (closedThrough && month <= closedThrough) this.closedMonths.set(month, figure);
      }
    }
    return wanted.map((month) => read.get(month) ?? (this.closedMonths.get(month) as MonthFigure));
  }

  /** Recurring charges per period (before taxes) of every service on an account on each date, in one pass. */
  async recurringRevenue(em: EntityManager, dates: { today: string; before: string }): Promise<{ today: number; before: number }> {
    const [row]: { today: string | null; before: string | null }[] = await em.query(
      `SELECT SUM(IF(${serviceActiveOnCondition('run.today')}, ${RECURRING_AMOUNT}, 0)) AS today,
              SUM(IF(${serviceActiveOnCondition('run.before')}, ${RECURRING_AMOUNT}, 0)) AS \`before\`
         FROM (SELECT CAST(? AS DATE) AS today, CAST(? AS DATE) AS \`before\`) run
         JOIN account_services s ON s.added_on <= GREATEST(run.today, run.\`before\`)
              AND (s.removed_on IS NULL OR s.removed_on > LEAST(run.today, run.\`before\`))
         ${RECURRING_AMOUNT_JOINS}`,
      [dates.today, dates.before],
    );
    return { today: Number(row?.today ?? 0), before: Number(row?.before ?? 0) };
  }
}

/** The last month whose every day is on or before the close date, as YYYY-MM. */
function lastClosedMonth(closeDate: string): string {
  const month = closeDate.slice(0, 7);
  const [y, m] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (Number(closeDate.slice(8, 10)) === lastDay) return month;
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
