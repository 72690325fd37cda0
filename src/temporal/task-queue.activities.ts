import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { TEMPORAL_CLIENT } from './temporal.tokens';
import { Activity } from './activity.decorator';

/** A worker idle in a long poll shows a last access up to about a minute old; one unseen for longer is gone. */
const POLLER_FRESH_MS = 90_000;

/** What a workflow may ask about the workers serving it. */
@Injectable()
export class TaskQueueActivities {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  /**
   * How many worker processes poll this activity's task queue for activities now:
   * the distinct identities Temporal saw polling lately, never fewer than one
   * (the worker running this activity).
   */
  @Activity()
  async workersPolling(): Promise<number> {
    const info = Context.current().info;
    const res = await this.client.workflowService.describeTaskQueue({
      namespace: info.activityNamespace,
      taskQueue: { name: info.taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
    });
    const now = Date.now();
    const fresh = (res.pollers ?? []).filter((p) => {
      const seconds = p.lastAccessTime?.seconds;
      return seconds !== undefined && seconds !== null && now - Number(seconds) * 1000 < POLLER_FRESH_MS;
    });
    return Math.max(1, new Set(fresh.map((p) => p.identity)).size);
  }
}
