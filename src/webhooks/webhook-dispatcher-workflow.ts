import { Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { webhookDispatcherWorkflow } from '../../workflows/webhook-dispatcher.workflow';
import { workflowIds } from '../../workflows/shared';
import type { AppConfig } from '../config/app-config';

/** A stored event younger than this still belongs to the API process that stored it. */
export const WEBHOOK_DISPATCH_GRACE_SECONDS = 30;
/** How often the sweeper looks for stranded events: the longest a stranded event waits past its grace. */
export const WEBHOOK_DISPATCH_EVERY_SECONDS = 30;

/**
 * Starts the webhook inbox's sweeper unless it is already running, so running set-up
 * (or starting a worker) again is harmless. One that was terminated or failed is
 * started afresh.
 */
export async function ensureWebhookDispatcher(
  client: Client,
  config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>,
  opts: { everySeconds?: number; graceSeconds?: number } = {},
): Promise<{ workflowId: string }> {
  const everySeconds = opts.everySeconds ?? WEBHOOK_DISPATCH_EVERY_SECONDS;
  const graceSeconds = opts.graceSeconds ?? WEBHOOK_DISPATCH_GRACE_SECONDS;
  const workflowId = workflowIds.webhookDispatcher(config.TEMPORAL_TASK_QUEUE);
  await client.workflow.start(webhookDispatcherWorkflow, {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId,
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    args: [{ graceSeconds, everySeconds }],
    memo: {
      description: `Webhook dispatcher: hands stored processor events that were never handed over to processing, every ${everySeconds} seconds`,
    },
  });
  return { workflowId };
}
