import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { AutopayRunsService } from '../autopay/autopay-runs.service';
import { BillRunsService } from '../bill-runs/bill-runs.service';
import { addDays, addMonths } from '../billing/billing-calendar';
import { BookFiguresService } from '../billing/book-figures.service';
import { LedgerService } from '../billing/ledger.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LateFeesService } from '../delinquency/late-fees.service';
import { AccountEmailsService } from '../email/account-emails.service';
import type { DashboardDto, NextBillRunDto } from './dto/dashboard.dto';

/**
 * Gathers the day's figures from the domains that own them. Each is one aggregate
 * in the database, defined by its owner; they run side by side.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly accounts: AccountsService,
    private readonly book: BookFiguresService,
    private readonly billRuns: BillRunsService,
    private readonly autopay: AutopayRunsService,
    private readonly lateFees: LateFeesService,
    private readonly emails: AccountEmailsService,
  ) {}

  async figures(): Promise<DashboardDto> {
    const today = this.ledger.today();
    const monthStart = `${today.slice(0, 8)}01`;
    const previousMonthEnd = addDays(monthStart, -1);
    const em = this.db.manager;
    const [byStatus, recurring, aging, months, lastRun, autopay, lateFees, emails] = await Promise.all([
      this.accounts.countByStatus(em),
      this.book.recurringRevenue(em, { today, before: previousMonthEnd }),
      this.book.aging(em, today),
      this.book.byMonth(em, addMonths(monthStart, -11).slice(0, 7), today),
      this.billRuns.latest(),
      this.autopay.forDate(today),
      this.lateFees.posted(monthStart, today),
      this.emails.countByStatus(['queued', 'rejected']),
    ]);
    return {
      today,
      currency: this.config.CURRENCY,
      accounts: {
        total: byStatus.reduce((sum, s) => sum + s.accounts, 0),
        byStatus,
        delinquent: byStatus.filter((s) => s.delinquency).reduce((sum, s) => sum + s.accounts, 0),
      },
      recurringRevenue: {
        monthly: recurring.today,
        previousMonth: recurring.before,
        change: recurring.today - recurring.before,
        previousMonthEnd,
      },
      receivables: aging.reduce((sum, b) => sum + b.owed, 0),
      aging,
      months,
      lastBillRun: lastRun && {
        id: lastRun.id,
        runDate: lastRun.runDate,
        status: lastRun.status,
        accounts: lastRun.progress?.accounts ?? lastRun.accounts,
        plannedAccounts: lastRun.plannedAccounts ?? lastRun.progress?.plannedAccounts ?? null,
        invoices: lastRun.progress?.invoices ?? lastRun.invoices,
        invoicedTotal: lastRun.progress?.invoicedTotal ?? lastRun.invoicedTotal,
        failures: lastRun.progress?.failures ?? lastRun.failures,
        parked: lastRun.progress?.parked ?? lastRun.parked,
      },
      autopayToday: {
        date: today,
        runId: autopay?.id ?? null,
        status: autopay?.status ?? null,
        charged: autopay ? autopay.succeeded + autopay.processing : 0,
        chargedTotal: autopay?.chargedTotal ?? 0,
        declined: autopay?.failed ?? 0,
        declinedTotal: autopay?.declinedTotal ?? 0,
        declines: autopay?.declines ?? [],
      },
      lateFees: { from: monthStart, to: today, ...lateFees },
      emails: { queued: emails.queued, rejected: emails.rejected },
    };
  }

  /**
   * The next bill run's date and how many accounts it would bill as things stand.
   * It is the run's own due-account query, the slowest figure on a billing day, so
   * it is asked for on its own and the rest of the page does not wait for it.
   */
  nextBillRun(): Promise<NextBillRunDto> {
    return this.billRuns.next(this.ledger.today());
  }
}
