import { proxyActivities } from '@temporalio/workflow';
import type { DelinquencyActivities } from '../src/delinquency/delinquency.activities';
import type { NightlyActivities } from '../src/nightly/nightly.activities';
import { workflowIds } from './shared';

const { runDelinquency } = proxyActivities<DelinquencyActivities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute' },
});
const { openNightlyRun, closeNightlyRun } = proxyActivities<NightlyActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export interface DelinquencyRunInput {
  date: string;
  startedBy: number | null;
}

/** What a delinquency run did, in counts: the changes themselves are in each account's history. */
export interface DelinquencyRunResult {
  date: string;
  /** The run had already completed for the date, so nothing was done again. */
  alreadyCompleted: boolean;
  invoicesMarked: number;
  lateFees: number;
  lateFeesTotal: number;
  accountsSwitched: number;
  accountsSkipped: number;
}

/** Delinquency for one date: invoices past their grace days turn delinquent, draw their late fee, and accounts switch status. */
export async function delinquencyRunWorkflow(input: DelinquencyRunInput): Promise<DelinquencyRunResult> {
  const { date } = input;
  const opened = await openNightlyRun({
    step: 'delinquency',
    date,
    workflowId: workflowIds.delinquencyRun(date),
    startedBy: input.startedBy,
    catchUp: false,
    caughtUpBy: null,
  });
  const result: DelinquencyRunResult = {
    date,
    alreadyCompleted: opened.alreadyCompleted,
    invoicesMarked: 0,
    lateFees: 0,
    lateFeesTotal: 0,
    accountsSwitched: 0,
    accountsSkipped: 0,
  };
  if (opened.alreadyCompleted) return result;
  try {
    const summary = await runDelinquency({ date });
    result.invoicesMarked = summary.invoicesMarked;
    result.lateFees = summary.lateFees.length;
    result.lateFeesTotal = summary.lateFees.reduce((sum, fee) => sum + fee.amount, 0);
    result.accountsSwitched = summary.accountsSwitched;
    result.accountsSkipped = summary.skipped.length;
  } catch (err) {
    await closeNightlyRun({
      step: 'delinquency',
      date,
      status: 'failed',
      summary: { error: err instanceof Error ? err.message : String(err) },
    });
    throw err;
  }
  await closeNightlyRun({
    step: 'delinquency',
    date,
    status: 'completed',
    summary: {
      invoicesMarked: result.invoicesMarked,
      lateFees: result.lateFees,
      lateFeesTotal: result.lateFeesTotal,
      accountsSwitched: result.accountsSwitched,
      accountsSkipped: result.accountsSkipped,
    },
  });
  return result;
}
