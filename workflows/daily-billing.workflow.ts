import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import { ParentClosePolicy, patched, proxyActivities, startChild } from '@temporalio/workflow';
import type { BillingConfigActivities } from '../src/billing-config/billing-config.activities';
import type { DelinquencyActivities } from '../src/delinquency/delinquency.activities';
import { billRunWorkflow } from './bill-run.workflow';
import { nightlyWorkflow } from './nightly.workflow';
import { billingDateAttributes, dayInWords, workflowIds } from './shared';

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
 * What the schedule starts every night: the night of the day as its own
 * `nightly/<date>` workflow, which catches up missed nights first and is never
 * started twice for a date. Runs begun before nights had their own workflow go on
 * as they did: the bill run of the day, then delinquency and the period close.
 */
export async function dailyBillingWorkflow(input: DailyBillingInput): Promise<{ date: string; billRunStarted: boolean }> {
  const date = input.date ?? calendarDate(new Date(), input.timeZone);
  if (patched('nightly-workflow-per-date')) {
    try {
      const night = await startChild(nightlyWorkflow, {
        workflowId: workflowIds.nightly(date),
        args: [{ date, startedBy: null }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        typedSearchAttributes: billingDateAttributes(date),
        memo: { description: `The night of ${dayInWords(date)}, started by the nightly schedule` },
      });
      return { date, billRunStarted: (await night.result()).billRunStarted };
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      return { date, billRunStarted: false };
    }
  }
  let billRunStarted = true;
  try {
    await startChild(billRunWorkflow, {
      workflowId: workflowIds.billRun(date),
      args: [{ date, startedBy: null }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: billingDateAttributes(date),
      memo: { description: `Bill run for ${dayInWords(date)}, started by the nightly schedule` },
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    billRunStarted = false;
  }
  await runDelinquency({ date });
  await autoCloseAccountingPeriod({ today: date });
  return { date, billRunStarted };
}
