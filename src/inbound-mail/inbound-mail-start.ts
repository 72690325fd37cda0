import { Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { inboundMailWorkflow } from '../../workflows/inbound-mail.workflow';
import { inboundMailCheckSignal, workflowIds } from '../../workflows/shared';
import type { AppConfig } from '../config/app-config';
import { inboundMailbox } from './inbound-mailbox';

type Settings = Pick<AppConfig, 'INBOUND_MAIL_IMAP_URL' | 'INBOUND_MAIL_POLL_SECONDS' | 'TEMPORAL_TASK_QUEUE'>;

function startOptions(config: Settings, mailbox: string) {
  const everySeconds = config.INBOUND_MAIL_POLL_SECONDS;
  return {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId: workflowIds.inboundMail(mailbox),
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    args: [{ mailbox, everySeconds }] as [{ mailbox: string; everySeconds: number }],
    memo: { description: `Helpdesk mail from ${mailbox} into tickets, every ${everySeconds} seconds once the mailbox is drained` },
  };
}

/** Starts the mailbox's reader unless it runs already; one that ended or failed starts afresh. Null when inbound mail is off. */
export async function ensureInboundMail(client: Client, config: Settings): Promise<{ workflowId: string } | null> {
  const mailbox = inboundMailbox(config);
  if (!mailbox) return null;
  const options = startOptions(config, mailbox.key);
  await client.workflow.start(inboundMailWorkflow, { ...options, workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING });
  return { workflowId: options.workflowId };
}

/** Wakes the mailbox's reader (starting it if need be) so it looks at the mailbox now. Null when inbound mail is off. */
export async function checkInboundMailNow(client: Client, config: Settings): Promise<{ workflowId: string; mailbox: string } | null> {
  const mailbox = inboundMailbox(config);
  if (!mailbox) return null;
  const options = startOptions(config, mailbox.key);
  await client.workflow.signalWithStart(inboundMailWorkflow, { ...options, signal: inboundMailCheckSignal, signalArgs: [] });
  return { workflowId: options.workflowId, mailbox: mailbox.key };
}
