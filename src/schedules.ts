import type { Client } from '@temporalio/client';
import { dailyBillingWorkflow } from '../workflows/daily-billing.workflow';
import { scheduleIds } from '../workflows/shared';
import { ensureAutopaySchedule } from './autopay/autopay-schedule';
import type { AppConfig } from './config/app-config';
import { ensureEmailDispatcher } from './email/email-dispatch-schedule';
import { upsertSchedule } from './temporal/upsert-schedule';
import { ensureWebhookDispatcher } from './webhooks/webhook-dispatcher-workflow';

/** Quarter past midnight in the billing time zone: late enough that "today" is unambiguous everywhere in it. */
export const DAILY_BILLING_AT = { hour: 0, minute: 15 };

/**
 * Creates the nightly billing schedule, or brings an existing one up to date. After
 * an outage the schedule starts one night (its catch-up window is a day); that night
 * runs the nights missed before it itself. Also the morning autopay schedule and the
 * long-lived email and webhook dispatchers.
 */
export async function ensureSchedules(client: Client, config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE' | 'BILLING_TIME_ZONE'>): Promise<void> {
  await upsertSchedule(client, {
    scheduleId: scheduleIds.dailyBilling,
    spec: {
      calendars: [
        { hour: DAILY_BILLING_AT.hour, minute: DAILY_BILLING_AT.minute, comment: 'nightly bill run, delinquency and period close' },
      ],
      timezone: config.BILLING_TIME_ZONE,
    },
    workflowType: dailyBillingWorkflow,
    args: [{ timeZone: config.BILLING_TIME_ZONE }],
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    catchupWindow: '1 day',
    description: 'Nightly billing: starts the night of each day (bill run, delinquency, period close)',
  });
  await ensureAutopaySchedule(client, config);
  await ensureEmailDispatcher(client, config);
  await ensureWebhookDispatcher(client, config);
}
