import { Client, ScheduleNotFoundError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { emailDispatcherWorkflow } from '../../workflows/email-dispatcher.workflow';
import { scheduleIds, workflowIds } from '../../workflows/shared';
import type { AppConfig } from '../config/app-config';

/** A queued email younger than this still belongs to the caller that queued it. */
export const EMAIL_DISPATCH_GRACE_SECONDS = 120;
/** How often the dispatcher looks for stranded emails: the longest a stranded email waits past its grace. */
export const EMAIL_DISPATCH_EVERY_SECONDS = 300;

/**
 * Starts the long-lived email dispatcher unless it is already running, and deletes the
 * five-minute schedule it replaces, so running set-up (or starting a worker) again is
 * harmless. A dispatcher that was terminated or failed is started afresh.
 */
export async function ensureEmailDispatcher(
  client: Client,
  config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>,
  opts: { everySeconds?: number } = {},
): Promise<{ workflowId: string }> {
  await client.schedule
    .getHandle(scheduleIds.emailDispatch)
    .delete()
    .catch((err: unknown) => {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    });
  const everySeconds = opts.everySeconds ?? EMAIL_DISPATCH_EVERY_SECONDS;
  const workflowId = workflowIds.emailDispatcher(config.TEMPORAL_TASK_QUEUE);
  await client.workflow.start(emailDispatcherWorkflow, {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId,
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    args: [{ graceSeconds: EMAIL_DISPATCH_GRACE_SECONDS, everySeconds }],
    memo: { description: `Email dispatcher: starts queued emails whose delivery never began, every ${everySeconds} seconds` },
  });
  return { workflowId };
}
