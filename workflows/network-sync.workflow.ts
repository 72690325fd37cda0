import { condition, continueAsNew, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { NetworkSyncActivities } from '../src/network-sync/network-sync.activities';
import { networkChangedSignal, networkSyncStatusQuery, type NetworkSyncReport, type NetworkSyncStatus } from './shared';

export interface NetworkSyncInput {
  /** The account whose network state the run applies; or a DHCP server's subnets; or the NAS devices. */
  accountId?: number;
  dhcpServerId?: number;
  nasDevices?: boolean;
  /** The longest wait between two tries while a server is down: a minute in production, seconds in tests. */
  retryCeilingSeconds: number;
  /** How long the run waits for another change before it ends; the next change starts a new one. */
  idleSeconds: number;
}

/** Passes per run before it continues as new, so its history stays short however busy the account. */
const PASSES_PER_RUN = 100;

/** The reason a run gives itself for the pass it makes when an account slowed at its cap may have a new usage period. */
export const USAGE_PERIOD_RECHECK = 'usage_period.recheck';

/**
 * The account's provisioning: one run per account (`network-sync/<accountId>`), started or woken
 * by Signal-with-Start whenever a change is written to the outbox. Each pass applies everything
 * pending for the account at once, so changes made together land together, and passes run one
 * after another, so they land in order. While a server is down the pass is retried with backoff,
 * for as long as it takes: the Temporal UI shows the pass pending with the server's failure as the
 * reason, and the status query lists the changes waiting.
 *
 * A pass that planned CoA or Disconnect requests for the account's live sessions is followed by
 * their sending, retried the same way while a NAS does not answer. While the account is slowed at
 * its usage cap the run does not end when idle: it stays to look again after midnight UTC, when
 * usage periods turn, and so restores the sessions of a new period.
 */
export async function networkSyncWorkflow(input: NetworkSyncInput): Promise<void> {
  const { syncAccountNetwork, syncDhcpServer, syncNasDevices, enforceSessions } = proxyActivities<NetworkSyncActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: `${input.retryCeilingSeconds} seconds` },
  });
  let waiting: string[] = ['start'];
  let applying: string[] = [];
  let last: NetworkSyncReport | null = null;
  let passes = 0;
  /** Workflow time (ms) at which an account slowed at its cap is looked at again; null when it is not. */
  let recheckAt: number | null = null;
  setHandler(networkChangedSignal, ({ reason }) => {
    waiting.push(reason);
  });
  setHandler(networkSyncStatusQuery, (): NetworkSyncStatus => ({ waiting: [...waiting], applying: [...applying], passes, last }));

  while (passes < PASSES_PER_RUN) {
    if (!waiting.length) {
      if (recheckAt === null) {
        if (!(await condition(() => waiting.length > 0, `${input.idleSeconds} seconds`))) return;
      } else if (!(await condition(() => waiting.length > 0, Math.max(recheckAt - Date.now(), 1_000)))) {
        waiting.push(USAGE_PERIOD_RECHECK);
      }
    }
    applying = waiting;
    waiting = [];
    last = input.nasDevices
      ? await syncNasDevices()
      : input.dhcpServerId !== undefined
        ? await syncDhcpServer({ dhcpServerId: input.dhcpServerId })
        : await syncAccountNetwork({ accountId: input.accountId as number });
    if (input.accountId !== undefined && patched('network-sync-session-enforcement')) {
      if (last.sessionRequests) await enforceSessions({ accountId: input.accountId });
      recheckAt = last.recheckInSeconds ? Date.now() + last.recheckInSeconds * 1_000 : null;
    }
    applying = [];
    passes++;
  }
  await continueAsNew<typeof networkSyncWorkflow>(input);
}
