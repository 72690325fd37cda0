import { ActivityFailure, ApplicationFailure, condition, proxyActivities, setHandler, upsertMemo } from '@temporalio/workflow';
import type { PerformOutcome, ScheduledEventActivities } from '../src/scheduled-events/scheduled-events.activities';
import { cancelUpdate, performNowUpdate, rescheduleUpdate } from './shared';

// A transient failure (the database restarting) is ridden out; a refusal of the action itself comes back
// as a non-retryable failure, after the activity has recorded it on the event.
const { performScheduledEvent } = proxyActivities<ScheduledEventActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface ScheduledEventInput {
  eventId: number;
  accountId: number;
  /** ISO 8601 instant. */
  runAt: string;
  revision: number;
}

export interface RescheduleRequest {
  runAt: string;
  revision: number;
  /** What the event now does, in words, for the memo. */
  summary?: string;
}

export interface ScheduledEventStatus {
  runAt: string;
  revision: number;
  cancelled: boolean;
}

export interface ScheduledEventResult {
  /** missing: the row never committed (its creation was rolled back after the start), so there was nothing to do. */
  outcome: 'done' | 'cancelled' | 'missing';
}

/**
 * One scheduled event on an account: sleep until its time, then carry it out once.
 * The database row is the truth. Edits and cancellations write it first and then
 * tell this workflow, which only saves it from waking at the wrong time: when it
 * wakes, the activity acts only if the row still has the revision it waited for,
 * and otherwise hands back the row's time and revision to wait for instead.
 *
 * Perform-now needs no patched(): a run recorded before it existed never received
 * that update, so its flag stays false and replay issues the very same commands.
 */
export async function scheduledEventWorkflow(input: ScheduledEventInput): Promise<ScheduledEventResult> {
  let runAt = Date.parse(input.runAt);
  let revision = input.revision;
  let changed = false;
  let cancelled = false;
  let acting = false;
  let performNow = false;
  const status = (): ScheduledEventStatus => ({ runAt: new Date(runAt).toISOString(), revision, cancelled });
  const refuseWhenActing = () => {
    if (acting) throw new Error('The event is being carried out right now');
    if (cancelled) throw new Error('The event was cancelled');
  };

  setHandler(
    rescheduleUpdate,
    (request) => {
      // A late or repeated delivery of an older edit must not undo a newer one.
      if (request.revision > revision) {
        runAt = Date.parse(request.runAt);
        revision = request.revision;
        changed = true;
        upsertMemo({ runAt: request.runAt, ...(request.summary !== undefined && { summary: request.summary }) });
      }
      return status();
    },
    {
      validator: (request) => {
        refuseWhenActing();
        if (!Number.isFinite(Date.parse(request.runAt))) throw new Error(`runAt ${request.runAt} is not a time`);
      },
    },
  );
  setHandler(
    cancelUpdate,
    () => {
      cancelled = true;
      return status();
    },
    { validator: refuseWhenActing },
  );
  setHandler(
    performNowUpdate,
    () => {
      performNow = true;
      return status();
    },
    {
      validator: () => {
        if (cancelled) throw new Error('The event was cancelled');
      },
    },
  );

  for (;;) {
    changed = false;
    const wait = runAt - Date.now();
    if (wait > 0 && !performNow) await condition(() => changed || cancelled || performNow, wait);
    if (cancelled) return { outcome: 'cancelled' };
    // An edit only moves the time, unless the event was asked to act now anyway.
    if (changed && !performNow) continue;

    acting = true;
    let outcome: PerformOutcome;
    try {
      outcome = await performScheduledEvent({ eventId: input.eventId, revision });
    } catch (err) {
      if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.nonRetryable) {
        throw ApplicationFailure.nonRetryable(`Scheduled event ${input.eventId} failed: ${err.cause.message}`, 'ScheduledEventFailed');
      }
      throw err;
    }
    acting = false;
    if (outcome.outcome !== 'moved') return outcome;
    // Edited after this run last heard of it: wait for the row's own time instead.
    runAt = Date.parse(outcome.runAt);
    revision = outcome.revision;
  }
}
