import { continueAsNew, proxyActivities, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { StripeEventActivities, StripeEventBatchState } from '../src/webhooks/stripe-event.activities';
import { searchAttributes } from './shared';

// One pass handles every event of the batch still waiting; a worker that dies mid-pass is noticed by its missing heartbeat.
const { processStripeEventBatch } = proxyActivities<StripeEventActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

/** The first wait before events that failed are tried again; it doubles up to the longest. */
const FIRST_WAIT_MS = 2_000;
const LONGEST_WAIT_MS = 5 * 60_000;

export interface StripeEventBatchInput {
  /** This workflow's id, which every event of the batch carries in its row. */
  batchId: string;
  /** Passes that left events waiting, carried across continue-as-new so the waits keep growing. */
  retries?: number;
}

/**
 * The processing of a batch of stored Stripe events: many events, one workflow, which
 * keeps a single Temporal server well within its pace at thousands of events a minute.
 * Each event's state lives in its own row (processed, ignored, or still waiting with
 * its attempts and last error), so a pass takes only the events still waiting, and
 * those that failed (the processor or the database away) are tried again with growing
 * waits, however long it takes, while the rest of the batch is already done. The run
 * carries every account its events touched in AccountIds.
 */
export async function stripeEventBatchWorkflow(input: StripeEventBatchInput): Promise<StripeEventBatchState> {
  let retries = input.retries ?? 0;
  const tagged = new Set(workflowInfo().typedSearchAttributes.get(searchAttributes.accountIds) ?? []);
  for (;;) {
    const state = await processStripeEventBatch({ batchId: input.batchId });
    const accounts = state.accountIds.map(String);
    if (accounts.some((id) => !tagged.has(id))) {
      for (const id of accounts) tagged.add(id);
      upsertSearchAttributes([{ key: searchAttributes.accountIds, value: [...tagged].sort((a, b) => Number(a) - Number(b)) }]);
    }
    if (state.waiting === 0) return state;
    retries += 1;
    await sleep(Math.min(FIRST_WAIT_MS * 2 ** Math.min(retries - 1, 20), LONGEST_WAIT_MS));
    if (workflowInfo().continueAsNewSuggested) return await continueAsNew<typeof stripeEventBatchWorkflow>({ ...input, retries });
  }
}
