import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowSignalWithStartOptions } from '@temporalio/client';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { networkSyncWorkflow } from '../../workflows/network-sync.workflow';
import { networkChangedSignal, searchAttributes, workflowIds } from '../../workflows/shared';
import { durationSeconds } from '../common/durations';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';

/** How long a clerk's request waits for Temporal; past it the change stays in the outbox for later. */
const ANSWER_WITHIN_MS = 5_000;

/** Wakes (or starts) each account's provisioning run after a change was committed to the outbox. */
@Injectable()
export class NetworkSyncProcess {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger('NetworkSync') private readonly logger: PinoLogger,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Wakes the account's run only when its outbox holds something unapplied: a change that needed no pass starts nothing. */
  async kickPending(accountId: number, reason: string): Promise<void> {
    const [row]: { n: number }[] = await this.db.query(
      'SELECT COUNT(*) AS n FROM network_sync_requests WHERE account_id = ? AND applied_at IS NULL',
      [accountId],
    );
    if (Number(row.n) > 0) await this.kick([accountId], reason);
  }

  /**
   * Signal-with-Start: a running run takes the signal and applies the change after what it is
   * doing; otherwise a new run starts with it. Never fails the caller: the change is committed
   * already, and when Temporal cannot be reached the reconciliation hands it over later.
   */
  async kick(accountIds: number[], reason: string): Promise<void> {
    for (const accountId of [...new Set(accountIds)]) {
      await this.signalWithStart(workflowIds.networkSync(accountId), { accountId }, reason, {
        typedSearchAttributes: [{ key: searchAttributes.accountId, value: accountId }],
        memo: { description: `Network provisioning of account ${accountId}`, account: accountId },
      });
    }
  }

  /** The same for a DHCP server's own configuration: the subnets it serves. */
  async kickDhcpServer(dhcpServerId: number, reason: string): Promise<void> {
    await this.signalWithStart(workflowIds.dhcpServerSync(dhcpServerId), { dhcpServerId }, reason, {
      memo: { description: `Subnets of DHCP server ${dhcpServerId}`, dhcpServer: dhcpServerId },
    });
  }

  /** The same for the NAS devices: the RADIUS server's list of clients follows them. */
  async kickNasDevices(reason: string): Promise<void> {
    await this.signalWithStart(workflowIds.nasDevicesSync(this.config.TEMPORAL_TASK_QUEUE), { nasDevices: true }, reason, {
      memo: { description: 'NAS devices: the clients of the RADIUS server' },
    });
  }

  private async signalWithStart(
    workflowId: string,
    subject: { accountId: number } | { dhcpServerId: number } | { nasDevices: true },
    reason: string,
    extra: Pick<WorkflowSignalWithStartOptions, 'typedSearchAttributes' | 'memo'>,
  ): Promise<void> {
    try {
      await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () =>
        this.client.workflow.signalWithStart(networkSyncWorkflow, {
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          workflowId,
          args: [
            {
              ...subject,
              retryCeilingSeconds: durationSeconds(this.config.NETWORK_SYNC_RETRY_CEILING),
              idleSeconds: durationSeconds(this.config.NETWORK_SYNC_IDLE),
            },
          ],
          signal: networkChangedSignal,
          signalArgs: [{ reason }],
          ...extra,
        }),
      );
    } catch (err) {
      this.logger.warn({ err, workflowId, reason }, 'The network change is kept in the outbox: Temporal did not take it now');
    }
  }
}
