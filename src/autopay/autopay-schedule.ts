import type { Client } from '@temporalio/client';
import { dailyAutopayWorkflow } from '../../workflows/autopay-run.workflow';
import { scheduleIds } from '../../workflows/shared';
import type { AppConfig } from '../config/app-config';
import { upsertSchedule } from '../temporal/upsert-schedule';

/** Six in the morning in the billing time zone: well after the night's bill run, before the working day. */
export const DAILY_AUTOPAY_AT = { hour: 6, minute: 0 };

/** Creates the morning autopay schedule, or brings it up to date, so running set-up again is harmless. */
export async function ensureAutopaySchedule(client: Client, config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE' | 'BILLING_TIME_ZONE'>) {
  await upsertSchedule(client, {
    scheduleId: scheduleIds.dailyAutopay,
    spec: {
      calendars: [{ hour: DAILY_AUTOPAY_AT.hour, minute: DAILY_AUTOPAY_AT.minute, comment: 'daily autopay run' }],
      timezone: config.BILLING_TIME_ZONE,
    },
    workflowType: dailyAutopayWorkflow,
    args: [{ timeZone: config.BILLING_TIME_ZONE }],
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    catchupWindow: '1 day',
    description: 'Daily autopay: starts the autopay run of each day',
  });
}
