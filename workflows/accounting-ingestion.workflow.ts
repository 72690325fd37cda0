import { continueAsNew, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { UsageActivities } from '../src/usage/usage.activities';
import { accountingIngestionStatusQuery, type AccountingIngestionStatus } from './shared';

const { ingestAccounting } = proxyActivities<UsageActivities>({
  // A batch takes well under a second. The activity beats once it has its events, so a worker that
  // died holding a batch is given up on after fifteen seconds, not a minute.
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '15 seconds',
  // Retried for as long as it takes: the database or FreeRADIUS's may be away for a while.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Rounds before the run continues as new, so its history stays short. */
const ROUNDS_PER_RUN = 500;

export interface AccountingIngestionInput {
  /** The pause after a round that found the log drained. */
  everySeconds: number;
}

/**
 * Reads RADIUS accounting into usage, one batch per activity, for as long as the deployment runs
 * (`usage-ingestion/<task queue>`). Each batch moves the cursor in the transaction that counts it,
 * and counting an event twice changes nothing, so a worker killed mid-batch loses nothing: the
 * retried activity starts from the cursor the last commit left.
 */
export async function accountingIngestionWorkflow(input: AccountingIngestionInput): Promise<void> {
  const status: AccountingIngestionStatus = { events: 0, lastEventId: 0, rounds: 0 };
  setHandler(accountingIngestionStatusQuery, () => ({ ...status }));
  while (status.rounds < ROUNDS_PER_RUN) {
    const report = await ingestAccounting();
    status.rounds++;
    status.events += report.events;
    status.lastEventId = report.lastEventId;
    if (!report.more) await sleep(`${input.everySeconds} seconds`);
  }
  await continueAsNew<typeof accountingIngestionWorkflow>(input);
}
