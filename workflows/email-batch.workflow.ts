import { continueAsNew, proxyActivities, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { EmailActivities, EmailBatchState } from '../src/email/email.activities';
import type { EmailRetryTimings } from './email-delivery.workflow';
import { searchAttributes } from './shared';

// A pass sends every email of the batch that is due, a few at a time; it heartbeats while it works, so a
// worker that died is noticed in seconds however slow the relay is.
const { deliverEmailBatch } = proxyActivities<EmailActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface EmailBatchInput {
  /** This workflow's id, which every email of the batch carries in its row. */
  batchId: string;
  retry: EmailRetryTimings;
}

/**
 * The delivery of a batch of emails sent in bulk. Each email's state is its own row:
 * sent, refused for good, or still queued with its tries, last error and the time of
 * its next try. A pass tries the emails that are due; one the relay deferred waits
 * its own doubling interval while the rest of the batch is done, and is given up once
 * it is older than the maximum age. The run sleeps until the next email is due and
 * ends when none is queued, carrying every account it wrote to in AccountIds.
 */
export async function emailBatchWorkflow(input: EmailBatchInput): Promise<EmailBatchState> {
  const tagged = new Set(workflowInfo().typedSearchAttributes.get(searchAttributes.accountIds) ?? []);
  for (;;) {
    const state = await deliverEmailBatch(input);
    const accounts = state.accountIds.map(String);
    if (accounts.some((id) => !tagged.has(id))) {
      for (const id of accounts) tagged.add(id);
      upsertSearchAttributes([{ key: searchAttributes.accountIds, value: [...tagged].sort((a, b) => Number(a) - Number(b)) }]);
    }
    if (state.queued === 0) return state;
    await sleep(Math.max(1_000, state.nextTryInMs ?? 1_000));
    if (workflowInfo().continueAsNewSuggested) return await continueAsNew<typeof emailBatchWorkflow>(input);
  }
}
