import { condition, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { VoiceImportActivities } from '../src/voice/voice-import.activities';
import { cdrFolderScanSignal, cdrFolderStatusQuery, type CdrFolderStatus } from './shared';

const { scanCdrFolder } = proxyActivities<VoiceImportActivities>({
  // A scan hashes and moves the files it takes; it beats after each, so a large file does not look like a dead worker.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

/** Scans before the run continues as new, so its history stays short. */
const SCANS_PER_RUN = 500;

export interface CdrFolderInput {
  /** The pause between two looks at the folder, unless the scan signal ends it sooner. */
  everySeconds: number;
}

/**
 * Watches the folder switches drop call record files into (`cdr-folder/<task queue>`), for as long
 * as the deployment runs. Each scan takes every complete file into storage, records it, and starts
 * its import; files waiting for an import that never started (Temporal away when they came) are
 * started too. A file is moved out of the folder in the scan that takes it, so it is read once.
 */
export async function cdrFolderWorkflow(input: CdrFolderInput): Promise<void> {
  const status: CdrFolderStatus = { scans: 0, filesTaken: 0, importsStarted: 0 };
  let scanAsked = false;
  setHandler(cdrFolderScanSignal, () => {
    scanAsked = true;
  });
  setHandler(cdrFolderStatusQuery, () => ({ ...status }));
  while (status.scans < SCANS_PER_RUN) {
    scanAsked = false;
    const report = await scanCdrFolder();
    status.scans++;
    status.filesTaken += report.filesTaken;
    status.importsStarted += report.importsStarted;
    await condition(() => scanAsked, `${input.everySeconds} seconds`);
  }
  await continueAsNew<typeof cdrFolderWorkflow>(input);
}
