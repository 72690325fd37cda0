import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { scheduledEventWorkflow } from '../../workflows/scheduled-event.workflow';
import { cancelUpdate, performNowUpdate, rescheduleUpdate, searchAttributes, workflowIds } from '../../workflows/shared';
import { ConflictException, DomainException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import type { ScheduledEventResponseDto } from './dto/scheduled-event.dto';
import { ScheduledEventsErrorCode } from './scheduled-events.error-codes';

/**
 * An edit waits for the workflow to take it, inside the database transaction that
 * saves it; when no worker answers this soon the edit is rolled back rather than
 * holding the account's lock.
 */
const ANSWER_WITHIN_MS = 10_000;

function unavailable(err: unknown): DomainException {
  return new DomainException(
    ScheduledEventsErrorCode.SchedulerUnavailable,
    `The scheduler did not answer, so nothing was changed; try again shortly (${err instanceof Error ? err.message : String(err)})`,
  );
}

/** The refusal a workflow gives an edit once it has started carrying the event out. */
function tooLate(err: WorkflowUpdateFailedError): ConflictException {
  const reason = err.cause?.message ?? err.message;
  return new ConflictException(ScheduledEventsErrorCode.EventInProgress, `${reason}; it can no longer be changed`);
}

/** Starts, reschedules, cancels and hurries the workflow of each scheduled event. */
@Injectable()
export class ScheduledEventWorkflows {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(event: ScheduledEventResponseDto): Promise<void> {
    try {
      await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () =>
        this.client.workflow.start(scheduledEventWorkflow, {
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          workflowId: workflowIds.scheduledEvent(event.id),
          args: [{ eventId: event.id, accountId: event.accountId, runAt: event.runAt, revision: event.revision }],
          typedSearchAttributes: [{ key: searchAttributes.accountId, value: event.accountId }],
          memo: {
            description: `Scheduled for account ${event.accountId} at ${event.runAt}: ${event.summary}`,
            account: event.accountId,
            kind: event.kind,
            summary: event.summary,
            runAt: event.runAt,
          },
        }),
      );
    } catch (err) {
      throw unavailable(err);
    }
  }

  /** Tells the workflow the event's new time and revision; starts one again if it is gone. */
  async reschedule(event: ScheduledEventResponseDto): Promise<void> {
    const handle = this.client.workflow.getHandle(workflowIds.scheduledEvent(event.id));
    try {
      await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () =>
        handle.executeUpdate(rescheduleUpdate, { args: [{ runAt: event.runAt, revision: event.revision, summary: event.summary }] }),
      );
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) throw tooLate(err);
      // Ended without acting (terminated by hand, say) while the row still waits: give it a workflow again.
      if (err instanceof WorkflowNotFoundError) return this.start(event);
      throw unavailable(err);
    }
  }

  async cancel(event: ScheduledEventResponseDto): Promise<void> {
    const handle = this.client.workflow.getHandle(workflowIds.scheduledEvent(event.id));
    try {
      await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () => handle.executeUpdate(cancelUpdate));
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) throw tooLate(err);
      // No workflow left to stop: the cancelled row is all that matters.
      if (err instanceof WorkflowNotFoundError) return;
      throw unavailable(err);
    }
  }

  /** Tells the workflow to act at once; starts one due now if it is gone while the row still waits. */
  async performNow(event: ScheduledEventResponseDto): Promise<void> {
    const handle = this.client.workflow.getHandle(workflowIds.scheduledEvent(event.id));
    try {
      await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () => handle.executeUpdate(performNowUpdate));
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) throw tooLate(err);
      if (err instanceof WorkflowNotFoundError) return this.start({ ...event, runAt: new Date().toISOString() });
      throw unavailable(err);
    }
  }

  /**
   * Waits, for a short while, until the workflow has carried the event out. Whatever
   * ends the wait (a refusal, already recorded on the row; a run still retrying, which
   * goes on by itself; the deadline) is no error here: the row says what came of it.
   */
  async acted(event: ScheduledEventResponseDto): Promise<void> {
    const handle = this.client.workflow.getHandle(workflowIds.scheduledEvent(event.id));
    await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () => handle.result()).catch(() => undefined);
  }
}
