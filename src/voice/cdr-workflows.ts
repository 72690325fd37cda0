import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { cdrFileWorkflow } from '../../workflows/cdr-file.workflow';
import { cdrFolderWorkflow } from '../../workflows/cdr-folder.workflow';
import { cdrFolderScanSignal, workflowIds } from '../../workflows/shared';
import type { AppConfig } from '../config/app-config';

type Settings = Pick<AppConfig, 'TEMPORAL_TASK_QUEUE' | 'VOICE_CDR_FOLDER_SCAN_SECONDS'>;

/**
 * Starts the import of a received file. The id is the file's, so a second start while one runs is
 * refused by Temporal and is harmless; a finished run of the same file (a re-run) may start again.
 * Returns false when the import was running already.
 */
export async function startCdrFileImport(
  client: Client,
  config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>,
  fileId: number,
  name: string,
): Promise<boolean> {
  try {
    await client.workflow.start(cdrFileWorkflow, {
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workflowId: workflowIds.cdrFile(fileId),
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
      args: [{ fileId }],
      memo: { description: `Call records of ${name} (file ${fileId})` },
    });
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}

function folderOptions(config: Settings, everySeconds: number) {
  return {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId: workflowIds.cdrFolder(config.TEMPORAL_TASK_QUEUE),
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    args: [{ everySeconds }] as [{ everySeconds: number }],
    memo: { description: `Call record files from the watched folder, every ${everySeconds} seconds` },
  };
}

/** Starts the deployment's folder watcher unless it runs already; one that ended or failed starts afresh. */
export async function ensureCdrFolderWatch(
  client: Client,
  config: Settings,
  opts: { everySeconds?: number } = {},
): Promise<{ workflowId: string }> {
  const options = folderOptions(config, opts.everySeconds ?? config.VOICE_CDR_FOLDER_SCAN_SECONDS);
  await client.workflow.start(cdrFolderWorkflow, { ...options, workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING });
  return { workflowId: options.workflowId };
}

/** Wakes the folder watcher (starting it if need be) so it looks in the folder now. */
export async function scanCdrFolderNow(client: Client, config: Settings): Promise<{ workflowId: string }> {
  const options = folderOptions(config, config.VOICE_CDR_FOLDER_SCAN_SECONDS);
  await client.workflow.signalWithStart(cdrFolderWorkflow, { ...options, signal: cdrFolderScanSignal, signalArgs: [] });
  return { workflowId: options.workflowId };
}
