import type { Client } from '@temporalio/client';
import { emailDispatchWorkflow } from '../../workflows/email-dispatch.workflow';
import { scheduleIds } from '../../workflows/shared';
import type { AppConfig } from '../config/app-config';
import { upsertSchedule } from '../temporal/upsert-schedule';

/** A queued email younger than this still belongs to the caller that queued it. */
export const EMAIL_DISPATCH_GRACE_SECONDS = 120;

/** Creates the every-five-minutes dispatch schedule, or brings it up to date, so running set-up again is harmless. */
export async function ensureEmailDispatchSchedule(client: Client, config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>): Promise<void> {
  await upsertSchedule(client, {
    scheduleId: scheduleIds.emailDispatch,
    spec: { intervals: [{ every: '5 minutes' }] },
    workflowType: emailDispatchWorkflow,
    args: [{ graceSeconds: EMAIL_DISPATCH_GRACE_SECONDS }],
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    // A pass missed while the server was down is not worth catching up: the next one covers it.
    catchupWindow: '1 minute',
    description: 'Email dispatch: starts queued emails whose delivery never began',
  });
}
