import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { emailDispatchWorkflow } from '../../workflows/email-dispatch.workflow';
import type { AppConfig } from '../config/app-config';

export const EMAIL_DISPATCH_SCHEDULE_ID = 'email-dispatch';
/** A queued email younger than this still belongs to the caller that queued it. */
export const EMAIL_DISPATCH_GRACE_SECONDS = 120;

/** Creates the every-five-minutes dispatch schedule, or brings it up to date, so running set-up again is harmless. */
export async function ensureEmailDispatchSchedule(client: Client, config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>): Promise<void> {
  const spec = { intervals: [{ every: '5 minutes' as const }] };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: emailDispatchWorkflow,
    args: [{ graceSeconds: EMAIL_DISPATCH_GRACE_SECONDS }] as [{ graceSeconds: number }],
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId: EMAIL_DISPATCH_SCHEDULE_ID,
  };
  // A pass missed while the server was down is not worth catching up: the next one covers it.
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' as const };
  try {
    await client.schedule.create({ scheduleId: EMAIL_DISPATCH_SCHEDULE_ID, spec, action, policies });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(EMAIL_DISPATCH_SCHEDULE_ID).update((previous) => ({ ...previous, spec, action, policies }));
  }
}
