import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { dailyAutopayWorkflow } from '../../workflows/autopay-run.workflow';
import type { AppConfig } from '../config/app-config';

export const DAILY_AUTOPAY_SCHEDULE_ID = 'daily-autopay';
/** Six in the morning in the billing time zone: well after the night's bill run, before the working day. */
export const DAILY_AUTOPAY_AT = { hour: 6, minute: 0 };

/** Creates the morning autopay schedule, or brings it up to date, so running set-up again is harmless. */
export async function ensureAutopaySchedule(client: Client, config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE' | 'BILLING_TIME_ZONE'>) {
  const spec = {
    calendars: [{ hour: DAILY_AUTOPAY_AT.hour, minute: DAILY_AUTOPAY_AT.minute, comment: 'daily autopay run' }],
    timezone: config.BILLING_TIME_ZONE,
  };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: dailyAutopayWorkflow,
    args: [{ timeZone: config.BILLING_TIME_ZONE }] as [{ timeZone: string }],
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId: DAILY_AUTOPAY_SCHEDULE_ID,
  };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' as const };
  try {
    await client.schedule.create({ scheduleId: DAILY_AUTOPAY_SCHEDULE_ID, spec, action, policies });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(DAILY_AUTOPAY_SCHEDULE_ID).update((previous) => ({ ...previous, spec, action, policies }));
  }
}
