import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowExecutionStatusName } from '@temporalio/client';
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
 * (Temporal down at that moment) can only delay a reminder until the reconciliation arms it
 * again (JobReminderReconciliation), or drop it when the visit is too close by then; never
 * send a wrong one: the activity checks the row before it sends.
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
    try {
      await this.tell(change);
    } catch (err) {
      // No run to end: nothing was waiting to remind.
      if (err instanceof WorkflowNotFoundError) return;
      this.logger.warn(
        { jobId: change.jobId, revision: change.revision, err: err instanceof Error ? err.message : String(err) },
        'The job reminder could not be armed; the booking stands',
      );
    }
  }

  /** Arms the reminder of a booking that has a time to remind at, as `arm` does; a failure reaches the caller. */
  async rearm(change: ReminderArming & { remindAt: Date }): Promise<void> {
    await this.tell(change);
  }

  /** The booking revision each running reminder was last armed with, by job, as the visibility store has it (it may lag). */
  async running(): Promise<Map<number, number>> {
    const armed = new Map<number, number>();
    const query = `WorkflowType = 'jobReminderWorkflow' AND ExecutionStatus = 'Running' AND TaskQueue = '${this.config.TEMPORAL_TASK_QUEUE.replace(/'/g, "''")}'`;
    for await (const execution of this.client.workflow.list({ query })) {
      const jobId = jobIdOf(execution.workflowId);
      if (jobId !== null) armed.set(jobId, revisionOf(execution.memo));
    }
    return armed;
  }

  /** The job's latest reminder run, read from the run itself; null when the job never had one. */
  async latestRun(jobId: number): Promise<{ status: WorkflowExecutionStatusName; revision: number } | null> {
    try {
      const run = await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () =>
        this.client.workflow.getHandle(workflowIds.jobReminder(jobId)).describe(),
      );
      return { status: run.status.name, revision: revisionOf(run.memo) };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  }

  private async tell(change: ReminderArming): Promise<void> {
    const remindAt = change.remindAt?.toISOString() ?? null;
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
  }
}

/** The job of a `job/<id>` workflow id. */
function jobIdOf(workflowId: string): number | null {
  const match = /^job\/(\d+)$/.exec(workflowId);
  return match ? Number(match[1]) : null;
}

/** The revision a run's memo names (the run updates it with each change it is signalled); -1 when it names none. */
function revisionOf(memo: Record<string, unknown> | undefined): number {
  const revision = memo?.revision;
  return typeof revision === 'number' ? revision : -1;
}
