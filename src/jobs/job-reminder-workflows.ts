import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { jobReminderWorkflow } from '../../workflows/job-reminder.workflow';
import { jobReminderChangedSignal, searchAttributes, workflowIds } from '../../workflows/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';

/** What the reminder process of a job needs to hear after a booking change commits. */
export interface ReminderArming {
  jobId: number;
  accountId: number;
  revision: number;
  /** Null: no reminder (taken off the calendar, cancelled, done, or too close to remind). */
  remindAt: Date | null;
}

const ANSWER_WITHIN_MS = 10_000;

/**
 * Arms, re-arms and ends the `job/<id>` reminder workflows. Called after the booking's
 * transaction has committed; the job's row stays the truth, so a signal that is lost
 * (Temporal down at that moment) can only delay or drop a reminder, never send a wrong
 * one: the activity checks the row before it sends.
 */
@Injectable()
export class JobReminderWorkflows {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger('JobReminders') private readonly logger: PinoLogger,
  ) {}

  /** Tells the job's workflow its new time, starting one when none runs; ends it when there is nothing to remind of. */
  async arm(change: ReminderArming): Promise<void> {
    const remindAt = change.remindAt?.toISOString() ?? null;
    try {
      await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, async () => {
        if (remindAt === null) {
          await this.client.workflow
            .getHandle(workflowIds.jobReminder(change.jobId))
            .signal(jobReminderChangedSignal, { remindAt, revision: change.revision });
          return;
        }
        await this.client.workflow.signalWithStart(jobReminderWorkflow, {
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          workflowId: workflowIds.jobReminder(change.jobId),
          args: [{ jobId: change.jobId, accountId: change.accountId, remindAt, revision: change.revision }],
          signal: jobReminderChangedSignal,
          signalArgs: [{ remindAt, revision: change.revision }],
          typedSearchAttributes: [
            { key: searchAttributes.accountId, value: change.accountId },
            { key: searchAttributes.accountIds, value: [String(change.accountId)] },
          ],
          memo: { description: `Reminder of job ${change.jobId} on account ${change.accountId}`, remindAt, revision: change.revision },
        });
      });
    } catch (err) {
      // No run to end: nothing was waiting to remind.
      if (err instanceof WorkflowNotFoundError) return;
      this.logger.warn(
        { jobId: change.jobId, revision: change.revision, err: err instanceof Error ? err.message : String(err) },
        'The job reminder could not be armed; the booking stands',
      );
    }
  }
}
