import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { dailyBillingWorkflow } from '../../workflows/daily-billing.workflow';
import { workflowIds } from '../../workflows/shared';
import { ensureAutopaySchedule } from '../autopay/autopay-schedule';
import type { AppConfig } from '../config/app-config';
import { ensureEmailDispatchSchedule } from '../email/email-dispatch-schedule';

/** Quarter past midnight in the billing time zone: late enough that "today" is unambiguous everywhere in it. */
export const DAILY_BILLING_AT = { hour: 0, minute: 15 };

/**
 * Creates the nightly billing schedule, or brings an existing one up to date, so
 * running set-up again is harmless. After an outage the schedule starts one night
 * (its catch-up window is a day); that night runs the nights missed before it itself.
 */
export async function ensureSchedules(client: Client, config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE' | 'BILLING_TIME_ZONE'>): Promise<void> {
  const spec = {
    calendars: [
      { hour: DAILY_BILLING_AT.hour, minute: DAILY_BILLING_AT.minute, comment: 'nightly bill run, delinquency and period close' },
    ],
    timezone: config.BILLING_TIME_ZONE,
  };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: dailyBillingWorkflow,
    args: [{ timeZone: config.BILLING_TIME_ZONE }] as [{ timeZone: string }],
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId: workflowIds.dailyBilling,
  };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' as const };
  try {
    await client.schedule.create({ scheduleId: workflowIds.dailyBilling, spec, action, policies });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(workflowIds.dailyBilling).update((previous) => ({ ...previous, spec, action, policies }));
  }
  await ensureAutopaySchedule(client, config);
  await ensureEmailDispatchSchedule(client, config);
}
