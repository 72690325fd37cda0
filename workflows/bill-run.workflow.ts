import { continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { BillRunActivities } from '../src/bill-runs/bill-run.activities';
import { BillRunProgress, billRunProgressQuery, workflowIds } from './shared';

const { openBillRun, closeBillRun } = proxyActivities<BillRunActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

// Batches heartbeat after every account; a worker that dies is noticed within the heartbeat timeout and the
// batch runs again elsewhere, finding the invoices it already made.
const { billAccountsBatch } = proxyActivities<BillRunActivities>({
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Accounts per batch when the run's input does not say. */
const DEFAULT_BATCH_SIZE = 500;
/** Batches per workflow run before continuing as new, keeping each history to a few hundred events. */
const BATCHES_PER_RUN = 100;

export interface BillRunInput {
  date: string;
  startedBy: number | null;
  batchSize?: number;
  /** Parks an invoice above this percentage of the account's usual one; the instance's setting when absent. */
  spikePercent?: number | null;
  /** Carried across continue-as-new. */
  resume?: { billRunId: number; afterAccountId: number; progress: BillRunProgress };
}

/**
 * The bill run of one date: every account whose service period starts that day
 * is invoiced, a batch of accounts per activity, in account id order.
 */
export async function billRunWorkflow(input: BillRunInput): Promise<BillRunProgress> {
  const progress: BillRunProgress = input.resume?.progress ?? {
    date: input.date,
    batches: 0,
    accounts: 0,
    invoices: 0,
    invoicedTotal: 0,
    failures: 0,
    parked: 0,
    done: false,
  };
  setHandler(billRunProgressQuery, () => progress);

  const billRunId =
    input.resume?.billRunId ??
    (
      await openBillRun({
        date: input.date,
        workflowId: workflowIds.billRun(input.date),
        startedBy: input.startedBy,
        spikePercent: input.spikePercent ?? null,
      })
    ).billRunId;
  let afterAccountId = input.resume?.afterAccountId ?? 0;
  let finished = false;
  for (let batch = 0; batch < BATCHES_PER_RUN && !finished; batch++) {
    const result = await billAccountsBatch({ billRunId, date: input.date, afterAccountId, limit: input.batchSize ?? DEFAULT_BATCH_SIZE });
    if (result.accounts > 0) {
      progress.batches += 1;
      progress.accounts += result.accounts;
      progress.invoices += result.invoices;
      progress.invoicedTotal += result.invoicedTotal;
      progress.failures += result.failures;
      progress.parked = (progress.parked ?? 0) + (result.parked ?? 0);
      afterAccountId = result.lastAccountId;
    }
    finished = !result.more;
  }
  if (!finished) {
    await continueAsNew<typeof billRunWorkflow>({ ...input, resume: { billRunId, afterAccountId, progress } });
  }
  await closeBillRun({ billRunId, status: 'completed' });
  progress.done = true;
  return progress;
}
