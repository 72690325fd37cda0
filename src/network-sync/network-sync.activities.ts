import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import type { NetworkSyncReport } from '../../workflows/shared';
import { NetworkReconciliationService } from './network-reconciliation.service';
import { Activity } from '../temporal/activity.decorator';
import { NetworkSyncService } from './network-sync.service';
import { type EnforcementSent, SessionEnforcementService } from './session-enforcement.service';

/** Activities of the provisioning workflow; each pass is safe to repeat. */
@Injectable()
export class NetworkSyncActivities {
  constructor(
    private readonly sync: NetworkSyncService,
    private readonly reconciliation: NetworkReconciliationService,
    private readonly sessions: SessionEnforcementService,
  ) {}

  /** Brings the servers to the account's state and stamps the pending changes it covered. */
  @Activity()
  async syncAccountNetwork(input: { accountId: number }): Promise<NetworkSyncReport> {
    return this.sync.syncAccount(input.accountId);
  }

  /**
   * Sends the CoA and Disconnect requests the pass planned for the account's live sessions, and
   * any still unanswered. Fails while a NAS does not answer, so Temporal sends again with backoff.
   */
  @Activity()
  async enforceSessions(input: { accountId: number }): Promise<EnforcementSent> {
    return this.sessions.send(input.accountId);
  }

  /** Brings a DHCP server's subnets to the address plan's and stamps its pending changes. */
  @Activity()
  async syncDhcpServer(input: { dhcpServerId: number }): Promise<NetworkSyncReport> {
    return this.sync.syncDhcpServer(input.dhcpServerId);
  }

  /** Brings the RADIUS server's client list to the NAS devices. */
  @Activity()
  async syncNasDevices(): Promise<NetworkSyncReport> {
    return this.sync.syncNasDevices();
  }

  /**
   * Compares the servers with Backhaul's tables and repairs them: the reconciliation asked for
   * (its row already made), or the night's (its row made here, once per night).
   */
  @Activity()
  async reconcileNetwork(input: { reconciliationId?: number; nightOf?: string }): Promise<{ reconciliationId: number; repairs: number }> {
    const id = input.reconciliationId ?? (await this.reconciliation.forNight(input.nightOf as string));
    const report = await this.reconciliation.run(id, () => Context.current().heartbeat());
    return { reconciliationId: id, repairs: report.radius.length + report.nas.length + report.dhcp.length };
  }
}
