import { continueAsNew, proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import type { EmailActivities } from '../src/email/email.activities';
import { emailDispatcherPassesQuery } from './shared';

const { startUndispatchedEmails } = proxyActivities<EmailActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** Emails per activity call; a pass stops early once a call finds fewer. */
const PAGE = 500;
/** Pages per pass, so one pass stays short; the next pass picks up the rest. */
const MAX_PAGES = 20;
/** A day of passes at five minutes: about three thousand history events, well short of Temporal's limits. */
const PASSES_PER_RUN = 288;

export interface EmailDispatcherInput {
  /** How old a queued email must be before it counts as never started (its caller had its chance). */
  graceSeconds: number;
  /** Time between passes. */
  everySeconds: number;
  /** Passes before the run continues as new with a fresh history; a day's worth unless given. */
  passesPerRun?: number;
}

/**
 * The safety net for queued emails whose own delivery workflow never started (Temporal
 * was away when they were queued, or the process died between the commit and the
 * start). One workflow that sweeps, sleeps on a durable timer and sweeps again, so the
 * Temporal UI shows one entry for it rather than a new run every few minutes. It
 * continues as new once a day to keep its history short, and never ends otherwise.
 */
export async function emailDispatcherWorkflow(input: EmailDispatcherInput): Promise<never> {
  let passes = 0;
  setHandler(emailDispatcherPassesQuery, () => passes);
  const passesPerRun = input.passesPerRun ?? PASSES_PER_RUN;
  while (passes < passesPerRun && !workflowInfo().continueAsNewSuggested) {
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const started = await startUndispatchedEmails({ graceSeconds: input.graceSeconds, limit: PAGE });
      if (started < PAGE) break;
    }
    passes += 1;
    await sleep(input.everySeconds * 1000);
  }
  return await continueAsNew<typeof emailDispatcherWorkflow>(input);
}
