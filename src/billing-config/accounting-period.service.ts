import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { AccountingPeriod } from './accounting-period.entity';
import { addCalendarDays, billingToday, endOfPreviousMonth, isCalendarDate } from './billing-date';
import { AccountingPeriodDto, UpdateAccountingPeriodDto } from './dto/accounting-period.dto';
import { BillingConfigErrorCode } from './billing-config.error-codes';

const PERIOD_ID = 1;

function toView(row: AccountingPeriod): AccountingPeriodDto {
  return { closeDate: row.closeDate, autoClose: row.autoClose, autoCloseAfterDays: row.autoCloseAfterDays };
}

/**
 * The last month end that lies at least `afterDays` days before `today`: the newest
 * period an automatic close may seal. Looking back from `today - afterDays` (rather
 * than only at last month) keeps long waits working and lets a missed run catch up.
 */
export function autoCloseTarget(today: string, afterDays: number): string {
  const limit = addCalendarDays(today, -afterDays);
  return addCalendarDays(limit, 1).endsWith('-01') ? limit : endOfPreviousMonth(limit);
}

export function closedPeriodMessage(closeDate: string, what: string, date: string): string {
  return `The accounting period is closed up to and including ${closeDate}. ${what} dated ${date} cannot be added or changed; record the correction in the open period.`;
}

/** How far the books are closed, and the one place that says whether a date may still change. */
@Injectable()
export class AccountingPeriodService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(): Promise<AccountingPeriodDto> {
    return toView(await this.row(this.db.manager));
  }

  async closeDate(em: EntityManager): Promise<string | null> {
    return (await this.row(em)).closeDate;
  }

  /**
   * A shared lock on the period row: a close waits for money transactions already
   * past this check, and a transaction checking after a close sees the new date even
   * when its own snapshot is older.
   */
  async assertOpen(em: EntityManager, date: string, what: string): Promise<void> {
    const [row]: { closeDate: string | null }[] = await em.query(
      `SELECT DATE_FORMAT(close_date, '%Y-%m-%d') AS closeDate FROM accounting_period WHERE id = ? LOCK IN SHARE MODE`,
      [PERIOD_ID],
    );
    const closeDate = row?.closeDate ?? null;
    if (closeDate !== null && date <= closeDate) {
      throw new ConflictException(BillingConfigErrorCode.AccountingPeriodClosed, closedPeriodMessage(closeDate, what, date));
    }
  }

  async update(dto: UpdateAccountingPeriodDto): Promise<AccountingPeriodDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toView(await this.row(em, true));
      const changes: Partial<AccountingPeriod> = {};
      if (dto.closeDate !== undefined && dto.closeDate !== before.closeDate) {
        this.assertMayMoveTo(before.closeDate, dto.closeDate);
        changes.closeDate = dto.closeDate;
      }
      if (dto.autoClose !== undefined && dto.autoClose !== before.autoClose) changes.autoClose = dto.autoClose;
      if (dto.autoCloseAfterDays !== undefined && dto.autoCloseAfterDays !== before.autoCloseAfterDays) {
        changes.autoCloseAfterDays = dto.autoCloseAfterDays;
      }
      if (!Object.keys(changes).length) return before;
      await em.update(AccountingPeriod, { id: PERIOD_ID }, changes);
      const after = toView(await this.row(em));
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'accounting_period',
        entityId: PERIOD_ID,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /**
   * Closes up to the newest month end that is at least autoCloseAfterDays old on
   * `today`, when automatic closing is on and that moves the close date forward.
   * Returns the new close date, or null when nothing was closed.
   */
  async autoCloseIfDue(today: string): Promise<string | null> {
    if (!isCalendarDate(today)) {
      throw new BadInputException([{ field: 'today', rule: 'date', message: 'today must be a calendar date as YYYY-MM-DD' }]);
    }
    return transactionWithRetry(this.db, async (em) => {
      const row = await this.row(em, true);
      if (!row.autoClose) return null;
      const target = autoCloseTarget(today, row.autoCloseAfterDays);
      if (row.closeDate !== null && row.closeDate >= target) return null;
      const before = toView(row);
      await em.update(AccountingPeriod, { id: PERIOD_ID }, { closeDate: target });
      await this.audit.recordAction(em, {
        action: 'auto_close',
        entityType: 'accounting_period',
        entityId: PERIOD_ID,
        before: { ...before },
        after: { ...before, closeDate: target },
        actor: null,
      });
      return target;
    });
  }

  private assertMayMoveTo(current: string | null, next: string | null): void {
    if (next === null) {
      throw new ConflictException(
        BillingConfigErrorCode.AccountingPeriodReopen,
        `The accounting period is closed up to and including ${current}, and a closed period cannot be reopened; record corrections in the open period.`,
        [{ field: 'closeDate', rule: 'forwardOnly', message: 'closeDate cannot be cleared once set' }],
      );
    }
    if (current !== null && next < current) {
      throw new ConflictException(
        BillingConfigErrorCode.AccountingPeriodBackwards,
        `The accounting period is already closed up to and including ${current}; the close date only moves forward, so it cannot become ${next}.`,
        [{ field: 'closeDate', rule: 'forwardOnly', message: `closeDate must be after ${current}` }],
      );
    }
    const today = billingToday(this.clock, this.config.BILLING_TIME_ZONE);
    if (next > today) {
      throw new BadInputException(
        [{ field: 'closeDate', rule: 'notAfterToday', message: `closeDate cannot be after today (${today})` }],
        `The books can be closed up to today (${today}) at the latest, not up to ${next}.`,
      );
    }
  }

  private async row(em: EntityManager, lock = false): Promise<AccountingPeriod> {
    const row = await em.findOne(AccountingPeriod, {
      where: { id: PERIOD_ID },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    // The migration inserts the single row and nothing deletes it.
    if (!row) throw new Error('The accounting period row is missing');
    return row;
  }
}
