import { proxyActivities } from '@temporalio/workflow';
import type { NetworkSyncActivities } from '../src/network-sync/network-sync.activities';

const { reconcileNetwork } = proxyActivities<NetworkSyncActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** A reconciliation staff asked for: one activity that compares the servers with the database and repairs them. */
export async function networkReconcileWorkflow(input: {
  reconciliationId: number;
}): Promise<{ reconciliationId: number; repairs: number }> {
  return reconcileNetwork({ reconciliationId: input.reconciliationId });
}
