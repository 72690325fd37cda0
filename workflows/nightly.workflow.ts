import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Workflow } from '@temporalio/common';
import { ParentClosePolicy, patched, proxyActivities, startChild } from '@temporalio/workflow';
import type { ChildWorkflowHandle } from '@temporalio/workflow';
import type { BillingConfigActivities } from '../src/billing-config/billing-config.activities';
import type { ContractTermsActivities } from '../src/contracts/contract-terms.activities';
import type { NetworkSyncActivities } from '../src/network-sync/network-sync.activities';
import type { NightlyActivities } from '../src/nightly/nightly.activities';
import { billRunWorkflow } from './bill-run.workflow';
import { delinquencyRunWorkflow } from './delinquency-run.workflow';
import { billingDateAttributes, dayInWords, workflowIds } from './shared';

const { openNightlyRun, closeNightlyRun } = proxyActivities<NightlyActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
const { autoCloseAccountingPeriod } = proxyActivities<BillingConfigActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute' },
});

const { reviewContractTerms } = proxyActivities<ContractTermsActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute' },
});

const { reconcileNetwork } = proxyActivities<NetworkSyncActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 5 },
});

export interface NightlyInput {
  date: string;
  startedBy: number | null;
  /** Set on a missed night run by a later one: the later night already walked the gap, so this one does not look for another. */
  caughtUpBy?: string | null;
}

export interface NightlyResult {
  date: string;
  /** The night had already completed for the date, so nothing was done again. */
  alreadyCompleted: boolean;
  /** Missed nights run first, oldest first. */
  caughtUp: string[];
  billRunStarted: boolean;
  delinquencyStarted: boolean;
  /** The new accounting close date when the night closed a period. */
  closedPeriodTo: string | null;
  /** Contracts whose term ended, and renewal tasks left; absent in nights recorded before contracts. */
  contracts?: { expired: number; renewalTasks: number };
  /** What the night's comparison of the network servers repaired; absent in nights recorded before it. */
  network?: { reconciliationId: number; repairs: number };
}

/** Children are abandoned rather than cancelled with their parent: they are processes of their own, shown in the Temporal UI by their own id. */
function childOptions(
  workflowId: string,
  date: string,
  description: string,
  reuse: WorkflowIdReusePolicy = WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
) {
  return {
    workflowId,
    parentClosePolicy: ParentClosePolicy.ABANDON,
    workflowIdReusePolicy: reuse,
    typedSearchAttributes: billingDateAttributes(date),
    memo: { description },
  };
}

/** Starts a child that runs once per id and waits for it; false when that id already ran or is running. */
async function runOnce(start: () => Promise<ChildWorkflowHandle<Workflow>>): Promise<boolean> {
  try {
    const child = await start();
    await child.result();
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}

/**
 * The night of one date: first any nights missed since the last completed one,
 * oldest first, each as its own `nightly/<date>`; then the date's bill run, its
 * delinquency run, the accounting period's automatic close and the look at contract terms, one after another.
 */
export async function nightlyWorkflow(input: NightlyInput): Promise<NightlyResult> {
  const { date, startedBy } = input;
  const caughtUpBy = input.caughtUpBy ?? null;
  const opened = await openNightlyRun({
    step: 'nightly',
    date,
    workflowId: workflowIds.nightly(date),
    startedBy,
    catchUp: caughtUpBy === null,
    caughtUpBy,
  });
  const result: NightlyResult = {
    date,
    alreadyCompleted: opened.alreadyCompleted,
    caughtUp: [],
    billRunStarted: false,
    delinquencyStarted: false,
    closedPeriodTo: null,
  };
  if (opened.alreadyCompleted) return result;
  try {
    for (const missed of opened.missedDates) {
      const ran = await runOnce(() =>
        startChild(nightlyWorkflow, {
          ...childOptions(
            workflowIds.nightly(missed),
            missed,
            `Missed night of ${dayInWords(missed)}, caught up by the night of ${dayInWords(date)}`,
          ),
          args: [{ date: missed, startedBy, caughtUpBy: date }],
        }),
      );
      if (ran) result.caughtUp.push(missed);
    }
    // One bill run per date, ever: a failed one is looked into and restarted from the API, not by the next night.
    result.billRunStarted = await runOnce(() =>
      startChild(billRunWorkflow, {
        ...childOptions(
          workflowIds.billRun(date),
          date,
          `Bill run for ${dayInWords(date)}, started by the night of ${dayInWords(date)}`,
          WorkflowIdReusePolicy.REJECT_DUPLICATE,
        ),
        args: [{ date, startedBy, batchSize: opened.billRunBatchSize }],
      }),
    );
    result.delinquencyStarted = await runOnce(() =>
      startChild(delinquencyRunWorkflow, {
        ...childOptions(
          workflowIds.delinquencyRun(date),
          date,
          `Delinquency for ${dayInWords(date)}, started by the night of ${dayInWords(date)}`,
        ),
        args: [{ date, startedBy }],
      }),
    );
    result.closedPeriodTo = await autoCloseAccountingPeriod({ today: date });
    // Nights recorded before contracts existed replay without this step.
    if (patched('contract-terms')) result.contracts = await reviewContractTerms({ today: date });
    // Nights recorded before the network reconciliation replay without this step.
    if (patched('network-reconcile')) result.network = await reconcileNetwork({ nightOf: date });
  } catch (err) {
    await closeNightlyRun({
      step: 'nightly',
      date,
      status: 'failed',
      summary: { error: err instanceof Error ? err.message : String(err) },
    });
    throw err;
  }
  await closeNightlyRun({
    step: 'nightly',
    date,
    status: 'completed',
    summary: {
      caughtUp: result.caughtUp,
      billRunStarted: result.billRunStarted,
      delinquencyStarted: result.delinquencyStarted,
      closedPeriodTo: result.closedPeriodTo,
      ...(result.contracts && { contracts: result.contracts }),
      ...(result.network && { network: result.network }),
    },
  });
  return result;
}
