import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AccountStatusWriter } from '../accounts/account-status-writer';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { transactionWithRetry } from '../database/transaction';
import type { CompletionAction } from './dto/job-type.dto';
import {
  CALENDAR_MAX_DAYS,
  ChangeJobStatusDto,
  JobCalendarQueryDto,
  JobCalendarResponseDto,
  JobResponseDto,
  ScheduleJobDto,
} from './dto/job.dto';
import { JobNotices, noticeKeys, reminderTime } from './job-notices';
import { ReminderArming, JobReminderWorkflows } from './job-reminder-workflows';
import { BookingClash, JobRecord, JobRows } from './job-rows';
import { JobSettingsService } from './job-settings.service';
import { actionOfMove, allows, type JobAction, refusalOf } from './job-statuses';
import { JobsErrorCode } from './jobs.error-codes';

/** A panel's clock and ours never agree to the millisecond; a visit booked "now" must not be refused as past. */
const CLOCK_SKEW_MS = 60_000;
/** Bookings are made for the next two years at most. */
const FURTHEST_MS = 2 * 366 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** What a booking made inside a transaction leaves for after the commit. */
export interface AfterBooking extends ReminderArming {
  emailIds: number[];
}

/** What the reminder activity came to. */
export type JobReminderOutcome = { outcome: 'sent' | 'ended' } | { outcome: 'moved'; remindAt: string | null; revision: number };

function clashSentence(c: BookingClash, span: string): string {
  return `${c.technicianName} is already booked on job #${c.jobId} (${c.jobTypeName}, account #${c.accountId} ${c.accountName}) on ${span}`;
}

/**
 * Puts jobs on technicians' calendars and moves them through their statuses.
 *
 * A booking locks the account, then the job, then its technicians' rows in id order,
 * and only then looks for overlapping bookings: two bookings of one technician meet at
 * its row, and the second, under READ COMMITTED, sees what the first committed. So of
 * any number of concurrent overlapping bookings exactly one succeeds; the others are
 * refused naming the job they clash with.
 *
 * The subscriber's confirmation is queued in the booking's transaction; its delivery
 * and the reminder workflow start after the commit.
 */
@Injectable()
export class JobBookingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: JobRows,
    private readonly accounts: AccountLockService,
    private readonly statuses: AccountStatusWriter,
    private readonly settings: JobSettingsService,
    private readonly notices: JobNotices,
    private readonly reminders: JobReminderWorkflows,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Schedules, reschedules or reassigns the job. */
  async schedule(id: number, dto: ScheduleJobDto): Promise<JobResponseDto> {
    const startsAt = this.checkStartsAt(dto.startsAt);
    const { after, arming } = await transactionWithRetry(this.db, async (em) => {
      const job = await this.lockJob(em, id, 'schedule');
      const before = await this.rows.require(em, id);
      const arming = await this.rebookLocked(em, job, startsAt, dto.durationMinutes ?? job.durationMinutes, dto.technicianIds);
      const after = await this.rows.require(em, id);
      await this.audit.recordAction(em, {
        action: before.status === 'scheduled' ? 'job.reschedule' : 'job.schedule',
        entityType: 'job',
        entityId: id,
        accountId: job.accountId,
        before: { status: before.status, startsAt: before.startsAt, endsAt: before.endsAt, technicians: before.technicians },
        after: { status: after.status, startsAt: after.startsAt, endsAt: after.endsAt, technicians: after.technicians },
      });
      return { after, arming };
    });
    await this.afterCommit(arming);
    return after;
  }

  /**
   * Books a locked job on [startsAt, startsAt + duration) for these technicians, or
   * refuses: 400 for a technician who cannot be booked, 409 naming every clash. A new
   * start time queues the subscriber's confirmation.
   */
  async rebookLocked(
    em: EntityManager,
    job: JobRecord,
    startsAt: Date,
    durationMinutes: number,
    technicianIds: number[],
  ): Promise<AfterBooking> {
    const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
    const bookable = await this.rows.lockTechnicians(em, technicianIds);
    const unbookable = technicianIds.filter((t) => !bookable.has(t));
    if (unbookable.length) {
      throw new BadInputException([
        {
          field: 'technicianIds',
          rule: 'bookable',
          message: `${unbookable.join(', ')} ${unbookable.length === 1 ? 'is not an active technician' : 'are not active technicians'}`,
        },
      ]);
    }
    const clashes = await this.rows.clashes(em, job.id, technicianIds, startsAt, endsAt);
    if (clashes.length) {
      const sentences = clashes.map((c) => clashSentence(c, this.notices.span(c.startsAt, c.endsAt)));
      const details: FieldError[] = sentences.map((message) => ({ field: 'technicianIds', rule: 'available', message }));
      throw new ConflictException(JobsErrorCode.TechnicianDoubleBooked, `${sentences[0]}.`, details);
    }
    await this.rows.book(em, job.id, startsAt, durationMinutes, technicianIds);
    const revision = job.scheduleRevision + 1;
    const newStart = job.status !== 'scheduled' || job.startsAt?.getTime() !== startsAt.getTime();
    const visit = await this.rows.require(em, job.id);
    const emailIds = newStart
      ? await this.notices.queueLocked(
          em,
          'confirmation',
          { jobId: job.id, accountId: job.accountId, accountName: visit.accountName, jobTypeName: visit.jobTypeName, startsAt, endsAt },
          noticeKeys.confirmation(job.id, revision),
        )
      : [];
    const { reminderLeadMinutes } = await this.settings.get(em);
    return {
      jobId: job.id,
      accountId: job.accountId,
      revision,
      remindAt: reminderTime(startsAt, reminderLeadMinutes, this.clock.now()),
      emailIds,
    };
  }

  /** Back to not scheduled: the technicians are free and the reminder ends. */
  async unschedule(id: number): Promise<JobResponseDto> {
    const { after, arming } = await transactionWithRetry(this.db, async (em) => {
      const job = await this.lockJob(em, id, 'unschedule');
      const before = await this.rows.require(em, id);
      await this.rows.unbook(em, id);
      const after = await this.rows.require(em, id);
      await this.audit.recordAction(em, {
        action: 'job.unschedule',
        entityType: 'job',
        entityId: id,
        accountId: job.accountId,
        before: { status: before.status, startsAt: before.startsAt, endsAt: before.endsAt, technicians: before.technicians },
        after: { status: after.status, startsAt: null, endsAt: null, technicians: [] },
      });
      return { after, arming: this.ended(job) };
    });
    await this.afterCommit(arming);
    return after;
  }

  /** En route, completed, failed or cancelled. Completing applies the type's completion action in the same transaction. */
  async changeStatus(id: number, dto: ChangeJobStatusDto): Promise<JobResponseDto> {
    const { after, arming } = await transactionWithRetry(this.db, async (em) => {
      const job = await this.lockJob(em, id, actionOfMove(dto.status));
      const before = await this.rows.require(em, id);
      const now = this.clock.now();
      const completionResult = dto.status === 'completed' ? await this.complete(em, job) : null;
      await this.rows.moveStatus(em, id, dto.status, {
        reason: dto.reason?.trim() || null,
        completedAt: dto.status === 'completed' ? now : undefined,
        completionResult,
      });
      const after = await this.rows.require(em, id);
      await this.audit.recordAction(em, {
        action: `job.${dto.status}`,
        entityType: 'job',
        entityId: id,
        accountId: job.accountId,
        before: { status: before.status },
        after: {
          status: after.status,
          ...(after.statusReason !== null && { reason: after.statusReason }),
          ...(completionResult && { completionResult }),
        },
      });
      return { after, arming: this.ended(job) };
    });
    await this.afterCommit(arming);
    return after;
  }

  async calendar(query: JobCalendarQueryDto): Promise<JobCalendarResponseDto> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    const errors: FieldError[] = [];
    if (to.getTime() <= from.getTime()) errors.push({ field: 'to', rule: 'afterFrom', message: 'to must be after from' });
    else if (to.getTime() - from.getTime() > CALENDAR_MAX_DAYS * DAY_MS) {
      errors.push({ field: 'to', rule: 'range', message: `to must be at most ${CALENDAR_MAX_DAYS} days after from` });
    }
    if (errors.length) throw new BadInputException(errors);
    const bookings = await this.rows.calendar(this.db.manager, from, to, query.technicianId);
    const booked = [...new Set(bookings.map((b) => b.technicianId))];
    const technicians: { user_id: number; name: string; color: string; active: number }[] = await this.db.query(
      `SELECT tc.user_id, u.name, tc.color, (tc.active = 1 AND u.active = 1) AS active
         FROM technicians tc JOIN staff_users u ON u.id = tc.user_id
        WHERE ${query.technicianId !== undefined ? 'tc.user_id = ?' : '((tc.active = 1 AND u.active = 1) OR tc.user_id IN (?))'}
        ORDER BY u.name, tc.user_id`,
      query.technicianId !== undefined ? [query.technicianId] : [booked.length ? booked : [0]],
    );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      technicians: technicians.map((t) => ({ id: Number(t.user_id), name: t.name, color: t.color, active: Number(t.active) === 1 })),
      bookings,
    };
  }

  /**
   * The reminder activity: queues the reminder if the job is still booked with this
   * revision and still ahead. The email's key (job and start) makes a repeated run a no-op.
   */
  async remind(jobId: number, revision: number): Promise<JobReminderOutcome> {
    const result = await transactionWithRetry(this.db, async (em): Promise<{ outcome: JobReminderOutcome; emailIds: number[] }> => {
      const accountId = await this.rows.accountOf(em, jobId);
      if (accountId === null) return { outcome: { outcome: 'ended' }, emailIds: [] };
      await this.accounts.lock(em, accountId);
      const job = await this.rows.lock(em, jobId);
      const now = this.clock.now();
      if (job.status !== 'scheduled' || !job.startsAt || !job.endsAt) return { outcome: { outcome: 'ended' }, emailIds: [] };
      if (job.scheduleRevision !== revision) {
        const { reminderLeadMinutes } = await this.settings.get(em);
        const remindAt = reminderTime(job.startsAt, reminderLeadMinutes, now);
        return { outcome: { outcome: 'moved', revision: job.scheduleRevision, remindAt: remindAt?.toISOString() ?? null }, emailIds: [] };
      }
      if (job.startsAt.getTime() <= now.getTime()) return { outcome: { outcome: 'ended' }, emailIds: [] };
      const visit = await this.rows.require(em, jobId);
      const emailIds = await this.notices.queueLocked(
        em,
        'reminder',
        { jobId, accountId, accountName: visit.accountName, jobTypeName: visit.jobTypeName, startsAt: job.startsAt, endsAt: job.endsAt },
        noticeKeys.reminder(jobId, job.startsAt),
      );
      return { outcome: { outcome: 'sent' }, emailIds };
    });
    await this.notices.startDelivery(result.emailIds);
    return result.outcome;
  }

  /** Delivers the confirmation and arms the reminder, once the booking is committed. */
  async afterCommit(arming: AfterBooking): Promise<void> {
    await this.notices.startDelivery(arming.emailIds);
    await this.reminders.arm(arming);
  }

  /** What completing the job does to the account, by its type; runs inside the status change's transaction. */
  private async complete(em: EntityManager, job: JobRecord): Promise<Record<string, unknown> | null> {
    const [type]: { completion_action: CompletionAction; activation_status_id: number | null }[] = await em.query(
      'SELECT completion_action, activation_status_id FROM job_types WHERE id = ?',
      [job.jobTypeId],
    );
    if (!type || type.completion_action !== 'activate_account' || type.activation_status_id === null) return null;
    const statusId = Number(type.activation_status_id);
    const [account]: { account_status_id: number; counts_as_active: number }[] = await em.query(
      `SELECT a.account_status_id, s.counts_as_active FROM accounts a JOIN account_statuses s ON s.id = a.account_status_id WHERE a.id = ?`,
      [job.accountId],
    );
    const current = Number(account.account_status_id);
    // An account already active (or held in a delinquency status counting as active) keeps its status.
    if (Number(account.counts_as_active) === 1) return { completionAction: 'activate_account', accountStatusId: current, unchanged: true };
    const change = await this.statuses.change(em, job.accountId, statusId);
    await this.audit.recordAction(em, {
      action: 'update',
      entityType: 'account',
      entityId: job.accountId,
      accountId: job.accountId,
      before: { accountStatusId: change.before },
      after: {
        accountStatusId: statusId,
        completedJobId: job.id,
        ...(change.activated && { activatedAt: this.clock.now().toISOString() }),
      },
    });
    return {
      completionAction: 'activate_account',
      accountStatusId: statusId,
      previousStatusId: change.before,
      activated: change.activated,
    };
  }

  /** The job's row moved to a new revision with nothing left to remind of. */
  private ended(job: JobRecord): AfterBooking {
    return { jobId: job.id, accountId: job.accountId, revision: job.scheduleRevision + 1, remindAt: null, emailIds: [] };
  }

  /** Locks the account, then the job, and refuses the action its status does not allow. */
  async lockJob(em: EntityManager, id: number, action: JobAction): Promise<JobRecord> {
    const accountId = await this.rows.accountOf(em, id);
    if (accountId === null) throw new NotFoundException('Job', id);
    await this.accounts.lock(em, accountId);
    const job = await this.rows.lock(em, id);
    if (!allows(job.status, action)) throw new ConflictException(JobsErrorCode.JobStatusForbids, refusalOf(job.status, action));
    return job;
  }

  private checkStartsAt(text: string): Date {
    const startsAt = new Date(text);
    const now = this.clock.now().getTime();
    if (startsAt.getTime() < now - CLOCK_SKEW_MS) {
      throw new BadInputException([{ field: 'startsAt', rule: 'future', message: `startsAt must not be in the past (it is ${text})` }]);
    }
    if (startsAt.getTime() > now + FURTHEST_MS) {
      throw new BadInputException([{ field: 'startsAt', rule: 'range', message: 'startsAt must be within two years' }]);
    }
    return startsAt;
  }
}
