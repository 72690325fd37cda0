import {
  Client,
  ScheduleAlreadyRunning,
  ScheduleOptions,
  ScheduleOptionsStartWorkflowAction,
  ScheduleOverlapPolicy,
  Workflow,
} from '@temporalio/client';

export interface ScheduleDefinition<W extends Workflow> {
  scheduleId: string;
  spec: ScheduleOptions['spec'];
  workflowType: W;
  args: Parameters<W>;
  taskQueue: string;
  /** Starts that were missed while Temporal was away and are still worth making, counted back from its return. */
  catchupWindow: '1 minute' | '1 day';
  /** What each started run is, in words: its memo in the Temporal UI. */
  description: string;
}

/**
 * Creates a schedule, or brings an existing one up to date, so running set-up again
 * is harmless. A run still going when the next is due makes the next one skip, and
 * each run takes the schedule id as its workflow id, so there is one run at a time.
 */
export async function upsertSchedule<W extends Workflow>(client: Client, definition: ScheduleDefinition<W>): Promise<void> {
  const { scheduleId, spec } = definition;
  const action = {
    type: 'startWorkflow' as const,
    workflowType: definition.workflowType,
    args: definition.args,
    taskQueue: definition.taskQueue,
    workflowId: scheduleId,
    memo: { description: definition.description },
  } as ScheduleOptionsStartWorkflowAction<W>;
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: definition.catchupWindow };
  try {
    await client.schedule.create({ scheduleId, spec, action, policies });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action, policies }));
  }
}
