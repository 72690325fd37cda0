import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { join } from 'node:path';
import type { AppConfig } from './config/app-config';
import { collectActivities } from './temporal/activity-registry';
import { workerIdentity } from './temporal/worker-identity';
import { ACTIVITY_PROVIDERS } from './worker-activities';

export const WORKFLOWS_PATH = join(__dirname, '..', 'workflows');

export interface BackhaulWorker {
  worker: Worker;
  connection: NativeConnection;
}

/**
 * A worker for the product's task queue. Pass a prebuilt `workflowBundle` to
 * skip bundling (tests bundle once per run); otherwise `workflows/` is bundled here.
 */
export async function createWorker(
  app: INestApplicationContext,
  config: AppConfig,
  overrides: Partial<Pick<WorkerOptions, 'workflowBundle' | 'taskQueue' | 'shutdownGraceTime'>> = {},
): Promise<BackhaulWorker> {
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    identity: workerIdentity(),
    taskQueue: overrides.taskQueue ?? config.TEMPORAL_TASK_QUEUE,
    activities: collectActivities(app, ACTIVITY_PROVIDERS),
    ...(overrides.workflowBundle ? { workflowBundle: overrides.workflowBundle } : { workflowsPath: require.resolve(WORKFLOWS_PATH) }),
    shutdownGraceTime: overrides.shutdownGraceTime ?? '10 seconds',
  });
  return { worker, connection };
}
