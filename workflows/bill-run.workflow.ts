import { condition, continueAsNew, patched, proxyActivities, setHandler, upsertMemo } from '@temporalio/workflow';
import type { BillBatchResult, BillRunActivities } from '../src/bill-runs/bill-run.activities';
import type { BillRunSlice } from '../src/bill-runs/due-accounts';
import type { TaskQueueActivities } from '../src/temporal/task-queue.activities';
import type { BillRunInWords } from '../src/bill-runs/bill-run-in-words';
import { BillRunProgress, billRunProgressQuery, workflowIds } from './shared';

const { openBillRun, closeBillRun } = proxyActivities<BillRunActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

// Planning reads every due account id once; a slow database gets time, a dead worker is retried.
const { planBillRun } = proxyActivities<BillRunActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

// A batch is one transaction of a few hundred accounts and heartbeats when done; a worker that dies is
// noticed within the heartbeat timeout and the batch runs again elsewhere, finding the invoices it made.
const { billAccountsBatch } = proxyActivities<BillRunActivities>({
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

// Counting the workers is advice, not work: a run that cannot ask goes on with what it had.
const { workersPolling } = proxyActivities<TaskQueueActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 2 },
});

/** Accounts per batch when the run's input does not say. */
const DEFAULT_BATCH_SIZE = 500;
/** Batches in flight per worker process: one can use the database while another computes. */
const LANES_PER_WORKER = 2;
/** Batches in flight in runs started before runs counted their workers. */
const FIXED_LANES = 2;
/** Batches between two counts of the workers, so a worker added mid-run gets work within a few batches. */
const RECOUNT_EVERY = 8;
/** Batches per workflow run before continuing as new, keeping each history to a few hundred events. */
const BATCHES_PER_RUN = 100;

export interface BillRunInput {
  date: string;
  startedBy: number | null;
  batchSize?: number;
  /** Batches in flight at once; when absent, two per worker process polling the task queue, counted as the run goes. */
  concurrency?: number;
  /** Parks an invoice above this percentage of the account's usual one; the instance's setting when absent. */
  spikePercent?: number | null;
  /** Carried across continue-as-new. */
  resume?: { billRunId: number; slices: BillRunSlice[]; tailAfter: number; progress: BillRunProgress };
}

/**
 * The bill run of one date. It plans the accounts due that day into id slices of
 * one batch each, invoices the slices two per worker process polling its task
 * queue (counted again every few batches, so adding a worker mid-run speeds it up
 * and a worker that dies costs only its batches in hand, which run again on
 * another), then walks whatever became due past the last planned account while it ran.
 */
/** The run's counts in cents, and (in runs since the result was put in words) the same in words for the Temporal UI. */
export type BillRunResult = BillRunProgress & Partial<BillRunInWords>;

export async function billRunWorkflow(input: BillRunInput): Promise<BillRunResult> {
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const progress: BillRunProgress = input.resume?.progress ?? {
    date: input.date,
    batches: 0,
    accounts: 0,
    invoices: 0,
    invoicedTotal: 0,
    failures: 0,
    parked: 0,
    plannedAccounts: 0,
    done: false,
  };
  setHandler(billRunProgressQuery, () => progress);
  const record = (result: BillBatchResult) => {
    if (result.accounts === 0) return;
    progress.batches += 1;
    progress.accounts += result.accounts;
    progress.invoices += result.invoices;
    progress.invoicedTotal += result.invoicedTotal;
    progress.failures += result.failures;
    progress.parked = (progress.parked ?? 0) + (result.parked ?? 0);
  };

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
  let slices = input.resume?.slices;
  let tailAfter = input.resume?.tailAfter ?? 0;
  if (!slices) {
    const plan = await planBillRun({ billRunId, date: input.date, batchSize });
    slices = plan.slices;
    progress.plannedAccounts = plan.accounts;
    tailAfter = slices.length ? slices[slices.length - 1].upToAccountId : 0;
  }

  const now = slices.slice(0, BATCHES_PER_RUN);
  const later = slices.slice(BATCHES_PER_RUN);
  // Runs started before runs counted their workers keep their fixed lanes, so their histories replay.
  const countsWorkers = patched('bill-run-counts-workers');
  const lanesWanted = async (current: number) => {
    if (input.concurrency) return (progress.lanes = input.concurrency);
    if (!countsWorkers) return (progress.lanes = FIXED_LANES);
    try {
      progress.lanes = (await workersPolling()) * LANES_PER_WORKER;
    } catch {
      progress.lanes = current;
    }
    return progress.lanes;
  };
  let wanted = await lanesWanted(LANES_PER_WORKER);
  let next = 0;
  let running = 0;
  let sinceCount = 0;
  let failure: unknown = null;
  // Each lane takes the next slice until none is left, or until there are more lanes than workers can serve.
  const lane = async () => {
    running++;
    try {
      while (next < now.length && running <= wanted && failure === null) {
        const slice = now[next++];
        let after = slice.afterAccountId;
        for (;;) {
          const result = await billAccountsBatch({
            billRunId,
            date: input.date,
            afterAccountId: after,
            upToAccountId: slice.upToAccountId,
            limit: batchSize,
          });
          record(result);
          if (!result.more) break;
          after = result.lastAccountId;
        }
        if (++sinceCount >= RECOUNT_EVERY) {
          sinceCount = 0;
          wanted = await lanesWanted(wanted);
          open();
        }
      }
    } catch (err) {
      failure ??= err;
    } finally {
      running--;
    }
  };
  // A lane takes its first slice before its first await, so `next` counts the slices lanes already hold.
  const open = () => {
    while (running < wanted && next < now.length && failure === null) void lane();
  };
  open();
  await condition(() => running === 0);
  if (failure !== null) throw failure;
  if (later.length) {
    await continueAsNew<typeof billRunWorkflow>({ ...input, resume: { billRunId, slices: later, tailAfter, progress } });
  }

  // Accounts that became due past the plan while the run went on.
  for (;;) {
    const result = await billAccountsBatch({ billRunId, date: input.date, afterAccountId: tailAfter, limit: batchSize });
    record(result);
    if (!result.more) break;
    tailAfter = result.lastAccountId;
  }
  const words = await closeBillRun({ billRunId, status: 'completed' });
  progress.done = true;
  // Runs closed before the result was put in words have no words to show and set no memo on replay.
  if (!patched('bill-run-result-in-words') || !words) return progress;
  upsertMemo({ summary: words.summary });
  return { ...progress, ...words };
}
