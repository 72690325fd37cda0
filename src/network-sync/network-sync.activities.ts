import { Injectable } from '@nestjs/common';
import type { NetworkSyncReport } from '../../workflows/shared';
import { Activity } from '../temporal/activity.decorator';
import { NetworkSyncService } from './network-sync.service';

/** Activities of the provisioning workflow; each pass is safe to repeat. */
@Injectable()
export class NetworkSyncActivities {
  constructor(private readonly sync: NetworkSyncService) {}

  /** Brings the servers to the account's state and stamps the pending changes it covered. */
  @Activity()
  async syncAccountNetwork(input: { accountId: number }): Promise<NetworkSyncReport> {
    return this.sync.syncAccount(input.accountId);
  }

  /** Brings a DHCP server's subnets to the address plan's and stamps its pending changes. */
  @Activity()
  async syncDhcpServer(input: { dhcpServerId: number }): Promise<NetworkSyncReport> {
    return this.sync.syncDhcpServer(input.dhcpServerId);
  }
}
