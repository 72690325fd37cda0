import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { optionalTsToDate } from '@temporalio/common/lib/time';
import { DataSource } from 'typeorm';
import { networkSyncStatusQuery, workflowIds } from '../../workflows/shared';
import { ACTION_KINDS } from '../audit/action-history-words';
import { Clock } from '../common/clock';
import { NotFoundException } from '../common/errors';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import type { AccountNetworkStatusDto, NetworkState, NetworkSyncRunDto, PendingNetworkChangeDto } from './dto/account-network-status.dto';
import { NetworkSyncProcess } from './network-sync-process';

/** How long the panel waits for Temporal before it says the run's state is unknown. */
const ANSWER_WITHIN_MS = 3_000;
const PENDING_SHOWN = 50;
/** A change is handed to its run just after its commit; only one older than this with no run open was never handed over. */
const HANDED_OVER_WITHIN_MS = 10_000;

/** Reasons the outbox holds that are no action of the history. */
const REASON_WORDS: Record<string, string> = {
  'dhcp_server.subnets': 'A DHCP server’s subnets changed',
  'account.status': 'The account’s status changed',
  'account.status.delinquency': 'The account turned delinquent, or came back from it',
  'account.status.disconnected': 'The account was disconnected',
  'usage.cap_reached': 'Usage reached a cap that slows the account',
};

const described = (reason: string) => ACTION_KINDS[reason]?.label ?? REASON_WORDS[reason] ?? reason;

/** The server a pass's failure names: the RADIUS store and Kea each say who did not answer. */
function serverNamedIn(failure: string | null): string | null {
  if (!failure) return null;
  if (/RADIUS server/.test(failure)) return 'FreeRADIUS';
  const nas = /^The NAS "([^"]+)"/.exec(failure);
  if (nas) return `NAS ${nas[1]}`;
  const kea = /^Kea "([^"]+)"/.exec(failure);
  return kea ? `DHCP server ${kea[1]}` : null;
}

/**
 * Whether the network is in step with an account: what the outbox still holds for it, what was
 * applied last, and what its provisioning run (`network-sync/<account id>`) is doing now, with the
 * reason a pass is being retried when a server does not answer.
 */
@Injectable()
export class AccountNetworkStatusService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly provisioning: NetworkSyncProcess,
    private readonly clock: Clock,
  ) {}

  async of(accountId: number): Promise<AccountNetworkStatusDto> {
    await this.assertAccount(accountId);
    const [{ n }]: { n: number }[] = await this.db.query(
      'SELECT COUNT(*) AS n FROM network_sync_requests WHERE account_id = ? AND applied_at IS NULL',
      [accountId],
    );
    const pending: { reason: string; requested_at: Date }[] = await this.db.query(
      'SELECT reason, requested_at FROM network_sync_requests WHERE account_id = ? AND applied_at IS NULL ORDER BY id LIMIT ?',
      [accountId, PENDING_SHOWN],
    );
    const [last]: { reason: string; requested_at: Date; applied_at: Date }[] = await this.db.query(
      `SELECT reason, requested_at, applied_at FROM network_sync_requests
        WHERE account_id = ? AND applied_at IS NOT NULL ORDER BY applied_at DESC, id DESC LIMIT 1`,
      [accountId],
    );
    const run = await this.runOf(accountId);
    const pendingCount = Number(n);
    const stranded = pending.length > 0 && this.clock.now().getTime() - pending[0].requested_at.getTime() > HANDED_OVER_WITHIN_MS;
    return {
      accountId,
      state: stateOf(pendingCount, stranded, run),
      pendingCount,
      pending: pending.map((p) => change(p.reason, p.requested_at)),
      lastApplied: last ? { ...change(last.reason, last.requested_at), appliedAt: last.applied_at.toISOString() } : null,
      run,
    };
  }

  /**
   * A pass now, whatever is pending: it brings the servers' rows for the account to exactly what
   * Backhaul holds, so it also repairs drift of this one account without a whole reconciliation.
   */
  async syncNow(accountId: number): Promise<AccountNetworkStatusDto> {
    await this.assertAccount(accountId);
    await this.provisioning.kick([accountId], 'sync_now');
    return this.of(accountId);
  }

  private async assertAccount(accountId: number): Promise<void> {
    const [account]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!account) throw new NotFoundException('Account', accountId);
  }

  private async runOf(accountId: number): Promise<NetworkSyncRunDto> {
    const workflowId = workflowIds.networkSync(accountId);
    const idle: NetworkSyncRunDto = {
      state: 'idle',
      workflowId,
      waiting: [],
      applying: [],
      passes: 0,
      attempt: 0,
      failure: null,
      waitingFor: null,
      nextAttemptAt: null,
    };
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      const description = await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () => handle.describe());
      if (description.status.name !== 'RUNNING') return idle;
      // The query needs a worker; a pass being retried still answers it between tries.
      const status = await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () => handle.query(networkSyncStatusQuery));
      const activity = description.raw.pendingActivities?.[0];
      const failure = activity?.lastFailure?.message || null;
      return {
        ...idle,
        state: 'running',
        waiting: status.waiting,
        applying: status.applying,
        passes: status.passes,
        attempt: Number(activity?.attempt ?? 0),
        failure,
        waitingFor: serverNamedIn(failure),
        nextAttemptAt: optionalTsToDate(activity?.nextAttemptScheduleTime)?.toISOString() ?? null,
      };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return idle;
      return { ...idle, state: 'unknown', failure: `Temporal did not answer: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
}

const change = (reason: string, requestedAt: Date): PendingNetworkChangeDto => ({
  reason,
  description: described(reason),
  requestedAt: requestedAt.toISOString(),
});

function stateOf(pending: number, stranded: boolean, run: NetworkSyncRunDto): NetworkState {
  if (run.state === 'running' && run.failure) return 'waiting_for_server';
  if (pending === 0) return 'in_step';
  if (run.state === 'unknown') return 'unknown';
  return run.state === 'idle' && stranded ? 'not_started' : 'applying';
}
