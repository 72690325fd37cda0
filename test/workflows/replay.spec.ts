import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as workflows from '../../workflows';
import { workflowTypes } from '../../workflows/shared';
import { workflowBundlePath } from '../support/paths';

const HISTORIES = join(__dirname, 'histories');

/**
 * Recorded histories of real runs, replayed against today's workflow code. A
 * change that would alter the commands an old run already issued fails here;
 * such changes must go behind patched().
 */
describe('workflow replay', () => {
  const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));

  beforeAll(() => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // already installed by another suite in this worker process
    }
  });

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(1);
  });

  it('holds a history of every workflow type the worker offers', () => {
    expect([...workflowTypes].sort()).toEqual(Object.keys(workflows).sort());
    const recorded = new Set(
      files.map((file) => {
        const [started] = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')).events;
        return started.workflowExecutionStartedEventAttributes.workflowType.name as string;
      }),
    );
    expect(workflowTypes.filter((type) => !recorded.has(type))).toEqual([]);
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
    const workflowId = file.replace(/\.json$/, '');
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() } }, history, workflowId),
    ).resolves.toBeUndefined();
  });

  it('catches a change that reorders what a recorded run already did', async () => {
    const json = JSON.parse(readFileSync(join(HISTORIES, files[0]), 'utf8'));
    // Rename the first scheduled activity, as if the workflow code had changed under a running execution.
    const scheduled = json.events.find((e: { eventType: string }) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED');
    scheduled.activityTaskScheduledEventAttributes.activityType.name = 'somethingElse';
    const history = historyFromJSON(json);
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() } }, history, 'tampered')).rejects.toThrow(
      /[Nn]ondetermin/,
    );
  });
});
