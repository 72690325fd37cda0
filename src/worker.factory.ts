import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import type { AppConfig } from './config/app-config';
import { collectActivities } from './temporal/activity-registry';
import { prebuiltWorkflowBundle, WORKFLOWS_PATH } from './temporal/workflow-bundle';
import { workerIdentity } from './temporal/worker-identity';
import { ACTIVITY_PROVIDERS } from './worker-activities';

export interface BackhaulWorker {
  worker: Worker;
  connection: NativeConnection;
}

/**
 * A worker for the product's task queue. Its workflow code is the `workflowBundle`
 * passed in (tests bundle once per run), else the bundle `npm run build` made,
 * else `workflows/` bundled here as the worker starts.
 */
export async function createWorker(
  app: INestApplicationContext,
  config: AppConfig,
  overrides: Partial<Pick<WorkerOptions, 'workflowBundle' | 'taskQueue' | 'shutdownGraceTime'>> = {},
): Promise<BackhaulWorker> {
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const prebuilt = overrides.workflowBundle ? null : prebuiltWorkflowBundle();
  const workflowCode = overrides.workflowBundle
    ? { workflowBundle: overrides.workflowBundle }
    : prebuilt
      ? { workflowBundle: { codePath: prebuilt } }
      : { workflowsPath: require.resolve(WORKFLOWS_PATH) };
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    identity: workerIdentity(),
    taskQueue: overrides.taskQueue ?? config.TEMPORAL_TASK_QUEUE,
    activities: collectActivities(app, ACTIVITY_PROVIDERS),
    ...workflowCode,
    shutdownGraceTime: overrides.shutdownGraceTime ?? '10 seconds',
  });
  return { worker, connection };
}
