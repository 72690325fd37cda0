import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type { BillingConfigActivities } from '../src/billing-config/billing-config.activities';
import type { DelinquencyActivities } from '../src/delinquency/delinquency.activities';
import { billRunWorkflow } from './bill-run.workflow';
import { searchAttributes, workflowIds } from './shared';

const { runDelinquency } = proxyActivities<DelinquencyActivities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute' },
});
const { autoCloseAccountingPeriod } = proxyActivities<BillingConfigActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute' },
});

export interface DailyBillingInput {
  /** The instance's billing time zone; the day is read from workflow time in it. */
  timeZone: string;
  /** A fixed date instead of today, for runs started by hand. */
  date?: string;
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function calendarDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * What happens every night: the bill run of the day (its own workflow, which
 * outlives this one and is never started twice for a date), then the delinquency
 * run and the accounting period's automatic close.
 */
export async function dailyBillingWorkflow(input: DailyBillingInput): Promise<{ date: string; billRunStarted: boolean }> {
  const date = input.date ?? calendarDate(new Date(), input.timeZone);
  let billRunStarted = true;
  try {
    await startChild(billRunWorkflow, {
      workflowId: workflowIds.billRun(date),
      args: [{ date, startedBy: null }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [{ key: searchAttributes.billingDate, value: new Date(`${date}T00:00:00Z`) }],
      memo: { description: `Bill run for ${date}, started by the nightly schedule` },
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    billRunStarted = false;
  }
  await runDelinquency({ date });
  await autoCloseAccountingPeriod({ today: date });
  return { date, billRunStarted };
}
