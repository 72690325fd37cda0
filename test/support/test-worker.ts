import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createWorker } from '../../src/worker.factory';
import { workflowBundlePath } from './paths';
import type { TestApp } from './test-app';

/**
 * A real worker on the test app's own task queue, running the bundle built once
 * in global set-up, against the run's Temporal dev server.
 */
let runtimeInstalled = false;

export async function startTestWorker(sut: TestApp): Promise<{ worker: Worker; stop: () => Promise<void> }> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const { worker, connection } = await createWorker(sut.app, sut.config, {
    workflowBundle: { codePath: workflowBundlePath() },
    shutdownGraceTime: '1 second',
  });
  const running = worker.run();
  return {
    worker,
    stop: async () => {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
