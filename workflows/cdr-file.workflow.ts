import { continueAsNew, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { VoiceImportActivities } from '../src/voice/voice-import.activities';
import { cdrFileStatusQuery, searchAttributes, type CdrFileStatus } from './shared';

const { importCdrFile } = proxyActivities<VoiceImportActivities>({
  // A round reads chunks for about twenty seconds and beats after each, so a worker that died in the
  // middle of a file is given up on after fifteen seconds and the file resumes at its checkpoint.
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '15 seconds',
  // Retried for as long as it takes: the database may be away for a while. A file that cannot be read
  // at all is not an error here: the activity marks it failed and says so.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Rounds before the run continues as new, so the history of a very large file stays short. */
const ROUNDS_PER_RUN = 200;

export interface CdrFileInput {
  fileId: number;
}

/**
 * Imports one switch file (`cdr-file/<id>`): round after round of chunks until the file is read.
 * The checkpoint lives in the file's row, committed with each chunk's calls, so the workflow passes
 * only the file's id and a retried or repeated round carries on where the last commit left the file.
 * AccountIds carries the accounts whose calls the file held (the first hundred).
 */
export async function cdrFileWorkflow(input: CdrFileInput): Promise<CdrFileStatus> {
  let status: CdrFileStatus = {
    fileId: input.fileId,
    status: 'received',
    linesRead: 0,
    callsRecorded: 0,
    callsDuplicate: 0,
    linesRejected: 0,
    rounds: 0,
  };
  setHandler(cdrFileStatusQuery, () => ({ ...status }));
  const tagged = new Set(workflowInfo().typedSearchAttributes.get(searchAttributes.accountIds) ?? []);
  for (let round = 0; round < ROUNDS_PER_RUN; round++) {
    const report = await importCdrFile({ fileId: input.fileId });
    status = {
      fileId: input.fileId,
      status: report.status,
      linesRead: report.linesRead,
      callsRecorded: report.callsRecorded,
      callsDuplicate: report.callsDuplicate,
      linesRejected: report.linesRejected,
      rounds: status.rounds + 1,
      ...(report.failure ? { failure: report.failure } : {}),
    };
    const fresh = report.accountIds.map(String).filter((id) => !tagged.has(id));
    if (fresh.length && tagged.size < 100) {
      for (const id of fresh.slice(0, 100 - tagged.size)) tagged.add(id);
      upsertSearchAttributes([{ key: searchAttributes.accountIds, value: [...tagged].sort((a, b) => Number(a) - Number(b)) }]);
    }
    if (report.status === 'imported' || report.status === 'failed') return status;
  }
  return await continueAsNew<typeof cdrFileWorkflow>(input);
}
