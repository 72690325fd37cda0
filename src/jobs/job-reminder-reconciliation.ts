import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainException } from '../common/errors';
import { inLanes } from '../common/in-lanes';
import { JobNotices, reminderTime } from './job-notices';
import { JobReminderWorkflows } from './job-reminder-workflows';
import { BookingAhead, JobRows } from './job-rows';
import { JobSettingsService } from './job-settings.service';
import { JobsErrorCode } from './jobs.error-codes';

/** Temporal calls in flight at once. */
const LANES = 8;
const PAGE = 500;

/**
 * Gives every job booked ahead the reminder process its booking should have. A booking arms
 * the reminder after its commit; when Temporal was away at that moment, or the run was
 * terminated by hand, the reminder waits here to be armed again. A job is left alone when a
 * run waits with its booking's revision (each new start or technician change is a new
 * revision), when its reminder for that start was queued already, when the latest run already
 * ran its course for that revision, or when the visit is too close to remind of. Cancelled,
 * completed and unscheduled jobs are not looked at, so their reminders never come back.
 * Safe to repeat and to run from several processes at once: arming is Signal-with-Start with
 * the booking's revision, which a run already holding it ignores, and the reminder's email
 * key lets one reminder through per job and start time.
 */
@Injectable()
export class JobReminderReconciliation {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: JobRows,
    private readonly settings: JobSettingsService,
    private readonly notices: JobNotices,
    private readonly workflows: JobReminderWorkflows,
    private readonly clock: Clock,
    @InjectPinoLogger('JobReminders') private readonly logger: PinoLogger,
  ) {}

  async reconcile(): Promise<{ scheduledJobs: number; armed: number }> {
    try {
      const running = await this.workflows.running();
      const now = this.clock.now();
      const { reminderLeadMinutes } = await this.settings.get();
      let scheduledJobs = 0;
      let armed = 0;
      for (let after = 0; ;) {
        const page = await this.rows.bookingsAhead(this.db.manager, now, after, PAGE);
        if (!page.length) break;
        after = page[page.length - 1].id;
        scheduledJobs += page.length;
        // A visit too close to remind of needs no reminder; one a run waits for with its revision has one.
        const unarmed = page
          .map((job) => ({ job, remindAt: reminderTime(job.startsAt, reminderLeadMinutes, now) }))
          .filter(
            (u): u is { job: BookingAhead; remindAt: Date } =>
              u.remindAt !== null && (running.get(u.job.id) ?? -1) < u.job.scheduleRevision,
          );
        const queued = await this.notices.remindersQueued(
          this.db.manager,
          unarmed.map((u) => u.job),
        );
        const { failure } = await inLanes(
          unarmed.filter((u) => !queued.has(u.job.id)),
          LANES,
          async ({ job, remindAt }) => {
            if (await this.armIfMissing(job, remindAt)) armed++;
          },
        );
        if (failure !== null) throw failure;
      }
      if (armed) this.logger.info({ armed, scheduledJobs }, 'Reminders armed again for scheduled jobs whose reminder was not waiting');
      return { scheduledJobs, armed };
    } catch (err) {
      throw new DomainException(
        JobsErrorCode.RemindersUnavailable,
        `The reminders of scheduled jobs could not be checked; try again shortly (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }

  /** Asks the run itself, since the list may lag behind a booking armed a moment ago; true when it armed the reminder. */
  private async armIfMissing(job: BookingAhead, remindAt: Date): Promise<boolean> {
    const latest = await this.workflows.latestRun(job.id);
    if (latest && latest.revision >= job.scheduleRevision && (latest.status === 'RUNNING' || latest.status === 'COMPLETED')) return false;
    await this.workflows.rearm({ jobId: job.id, accountId: job.accountId, revision: job.scheduleRevision, remindAt });
    return true;
  }
}
