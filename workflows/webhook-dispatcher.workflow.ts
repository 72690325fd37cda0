import { continueAsNew, proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import type { WebhookInboxActivities } from '../src/webhooks/webhook-inbox.activities';
import { webhookDispatcherPassesQuery } from './shared';

// Heartbeats after each group of starts, so a worker that dies mid-page is noticed in seconds and the page handed to another.
const { dispatchStrandedStripeEvents } = proxyActivities<WebhookInboxActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** Events per activity call; a pass stops early once a call finds fewer. */
const PAGE = 500;
/** Pages per pass, so one pass stays short; the next pass picks up the rest. */
const MAX_PAGES = 40;
/** Passes before the run continues as new with a fresh history. */
const PASSES_PER_RUN = 500;

export interface WebhookDispatcherInput {
  /** How old a stored event must be before it counts as stranded (the process that stored it had its chance). */
  graceSeconds: number;
  /** Time between passes. */
  everySeconds: number;
  passesPerRun?: number;
}

/**
 * The safety net of the webhook inbox: processor events stored but never handed to
 * processing (the API process died after answering, or Temporal was away and the
 * process gave up waiting) are started here, oldest first. One long-lived workflow
 * that sweeps, sleeps on a durable timer and sweeps again; it continues as new to
 * keep its history short and never ends otherwise.
 */
export async function webhookDispatcherWorkflow(input: WebhookDispatcherInput): Promise<never> {
  let passes = 0;
  setHandler(webhookDispatcherPassesQuery, () => passes);
  const passesPerRun = input.passesPerRun ?? PASSES_PER_RUN;
  while (passes < passesPerRun && !workflowInfo().continueAsNewSuggested) {
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const started = await dispatchStrandedStripeEvents({ graceSeconds: input.graceSeconds, limit: PAGE });
      if (started < PAGE) break;
    }
    passes += 1;
    await sleep(input.everySeconds * 1000);
  }
  return await continueAsNew<typeof webhookDispatcherWorkflow>(input);
}
