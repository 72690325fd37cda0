import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import { continueAsNew, ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type { AutopayActivities } from '../src/autopay/autopay.activities';
import { calendarDate } from './daily-billing.workflow';
import { billingDateAttributes, dayInWords, workflowIds } from './shared';

const { openAutopayRun, closeAutopayRun } = proxyActivities<AutopayActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

// A batch calls the processor once per account and heartbeats after each; a worker that dies is noticed
// within the heartbeat timeout and the batch runs again elsewhere, finding the attempts it already wrote.
// The processor being away fails the batch, which is retried with backoff under the same keys.
const { autopayAccountsBatch } = proxyActivities<AutopayActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Accounts per batch when the input does not say: each is a processor call, so batches stay small. */
const DEFAULT_BATCH_SIZE = 100;

/** Batches one execution walks before continuing as new, so a 100k-account run keeps each history short. */
const BATCHES_PER_RUN = 200;

export interface AutopayRunInput {
  date: string;
  startedBy: number | null;
  batchSize?: number;
  /** Batches per execution before continuing as new; BATCHES_PER_RUN when left out. */
  batchesPerExecution?: number;
  /** Set by continue-as-new: where the previous execution stopped and what it had done. */
  resume?: { autopayRunId: number; afterAccountId: number; summary: AutopayRunSummary };
}

export interface AutopayRunSummary {
  date: string;
  batches: number;
  accounts: number;
  charged: number;
  chargedTotal: number;
  failed: number;
}

/**
 * The autopay run of one date: walks the accounts due for autopay in id order, a
 * batch at a time, charging each account's due balance to its autopay method.
 */
export async function autopayRunWorkflow(input: AutopayRunInput): Promise<AutopayRunSummary> {
  const limit = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const summary: AutopayRunSummary = input.resume?.summary ?? {
    date: input.date,
    batches: 0,
    accounts: 0,
    charged: 0,
    chargedTotal: 0,
    failed: 0,
  };
  const { autopayRunId } =
    input.resume ??
    (await openAutopayRun({
      date: input.date,
      workflowId: workflowIds.autopayRun(input.date),
      startedBy: input.startedBy,
    }));
  let after = input.resume?.afterAccountId ?? 0;
  for (let walked = 0; ; walked += 1) {
    if (walked === (input.batchesPerExecution ?? BATCHES_PER_RUN)) {
      await continueAsNew<typeof autopayRunWorkflow>({ ...input, resume: { autopayRunId, afterAccountId: after, summary } });
    }
    const result = await autopayAccountsBatch({ autopayRunId, date: input.date, afterAccountId: after, limit });
    if (result.accounts) {
      summary.batches += 1;
      summary.accounts += result.accounts;
      summary.charged += result.charged;
      summary.chargedTotal += result.chargedTotal;
      summary.failed += result.failed;
    }
    if (!result.more) break;
    after = result.lastAccountId;
  }
  await closeAutopayRun({ autopayRunId, status: 'completed' });
  return summary;
}

/**
 * What the `daily-autopay` schedule starts each morning: the autopay run of the day
 * in the billing time zone, as its own workflow, never twice for a date.
 */
export async function dailyAutopayWorkflow(input: { timeZone: string; date?: string }): Promise<{ date: string; started: boolean }> {
  const date = input.date ?? calendarDate(new Date(), input.timeZone);
  try {
    await startChild(autopayRunWorkflow, {
      workflowId: workflowIds.autopayRun(date),
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [{ date, startedBy: null }],
      typedSearchAttributes: billingDateAttributes(date),
      memo: { description: `Autopay for ${dayInWords(date)}, started by the morning schedule` },
    });
    return { date, started: true };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { date, started: false };
    throw err;
  }
}
