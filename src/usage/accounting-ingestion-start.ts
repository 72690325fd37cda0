import { Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { accountingIngestionWorkflow } from '../../workflows/accounting-ingestion.workflow';
import { workflowIds } from '../../workflows/shared';
import type { AppConfig } from '../config/app-config';

/** How long the ingestion rests after draining the log: usage is at most this late. */
export const ACCOUNTING_INGESTION_EVERY_SECONDS = 30;

/** Starts the deployment's accounting ingestion unless it runs already; one that ended or failed starts afresh. */
export async function ensureAccountingIngestion(
  client: Client,
  config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>,
  opts: { everySeconds?: number } = {},
): Promise<{ workflowId: string }> {
  const workflowId = workflowIds.accountingIngestion(config.TEMPORAL_TASK_QUEUE);
  const everySeconds = opts.everySeconds ?? ACCOUNTING_INGESTION_EVERY_SECONDS;
  await client.workflow.start(accountingIngestionWorkflow, {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId,
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    args: [{ everySeconds }],
    memo: { description: `RADIUS accounting into usage, every ${everySeconds} seconds once the log is drained` },
  });
  return { workflowId };
}
