import type { Client } from '@temporalio/client';
import { timerReconcilerWorkflow } from '../../workflows/timer-reconciler.workflow';
import { timerReconcileNowSignal, workflowIds } from '../../workflows/shared';
import type { AppConfig } from '../config/app-config';

/** How often the timer reconciler looks: the longest a reminder or deadline timer whose start was lost waits for it. */
export const TIMER_RECONCILE_EVERY_SECONDS = 900;

/**
 * Starts the long-lived reconciler of job reminders and ticket deadline timers unless it is
 * running, and has it look now either way, so a worker that starts after Temporal (or every
 * worker) was away puts back what was lost without waiting for the next pass. Safe to repeat.
 */
export async function ensureTimerReconciler(
  client: Client,
  config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>,
  opts: { everySeconds?: number } = {},
): Promise<{ workflowId: string }> {
  const everySeconds = opts.everySeconds ?? TIMER_RECONCILE_EVERY_SECONDS;
  const workflowId = workflowIds.timerReconciler(config.TEMPORAL_TASK_QUEUE);
  await client.workflow.signalWithStart(timerReconcilerWorkflow, {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId,
    args: [{ everySeconds }],
    signal: timerReconcileNowSignal,
    signalArgs: [],
    memo: {
      description: `Timer reconciler: re-arms job reminders and ticket deadline timers whose start was lost, every ${everySeconds} seconds`,
    },
  });
  return { workflowId };
}
