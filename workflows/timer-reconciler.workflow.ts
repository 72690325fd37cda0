import { ActivityFailure, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { JobActivities } from '../src/jobs/jobs.activities';
import type { TicketDeadlineActivities } from '../src/ticket-deadlines/ticket-deadlines.activities';
import { type TimerReconcilerStatus, timerReconcileNowSignal, timerReconcilerStatusQuery } from './shared';

// Both look at every scheduled job or open ticket and ask Temporal about them; a few tries, then the next pass.
const options = {
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 3 },
} as const;
const { reconcileJobReminders } = proxyActivities<JobActivities>(options);
const { reconcileTicketDeadlineTimers } = proxyActivities<TicketDeadlineActivities>(options);

/** A day of passes at fifteen minutes: a few hundred history events. */
const PASSES_PER_RUN = 96;

export interface TimerReconcilerInput {
  /** Time between passes. */
  everySeconds: number;
  /** Passes before the run continues as new with a fresh history; a day's worth unless given. */
  passesPerRun?: number;
}

/**
 * The safety net of the per-entity timers: a job's reminder (`job/<id>`) and an open ticket's
 * deadline timer (`ticket/<id>`) are started after their change commits, so one whose start
 * was lost (Temporal away at that moment, a run terminated by hand) is started again here, from
 * the database. One long-lived workflow that reconciles, sleeps on a durable timer (or until
 * told to look now) and reconciles again; it continues as new once a day and never ends
 * otherwise. A reconciliation that still fails after its retries is counted and left to the next pass.
 */
export async function timerReconcilerWorkflow(input: TimerReconcilerInput): Promise<never> {
  const status: TimerReconcilerStatus = { passes: 0, remindersArmed: 0, deadlineTimersStarted: 0, failedPasses: 0 };
  let lookNow = false;
  setHandler(timerReconcilerStatusQuery, () => status);
  setHandler(timerReconcileNowSignal, () => {
    lookNow = true;
  });
  const passesPerRun = input.passesPerRun ?? PASSES_PER_RUN;
  while (status.passes < passesPerRun && !workflowInfo().continueAsNewSuggested) {
    lookNow = false;
    let failed = false;
    try {
      status.remindersArmed += (await reconcileJobReminders()).armed;
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      failed = true;
    }
    try {
      status.deadlineTimersStarted += (await reconcileTicketDeadlineTimers()).started;
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      failed = true;
    }
    if (failed) status.failedPasses += 1;
    status.passes += 1;
    await condition(() => lookNow, input.everySeconds * 1000);
  }
  return await continueAsNew<typeof timerReconcilerWorkflow>(input);
}
