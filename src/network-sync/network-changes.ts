import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A change to one account's network state, or to a DHCP server's own configuration (its subnets). */
export interface NetworkChange {
  accountId?: number;
  dhcpServerId?: number;
  /** What happened, for the operator reading what is pending: `ip_assignment.create`, `radius_account.delete`. */
  reason: string;
  /** A RADIUS username the change touched, so one deleted or renamed is removed from the server too. */
  radiusUsername?: string;
  /** A MAC address the change touched, so a DHCP reservation it no longer has is removed. */
  mac?: string;
}

/**
 * The outbox of network changes. A domain that changes something the network must follow writes
 * the change here inside its own transaction, then asks NetworkSyncProcess to apply it after the
 * commit. Should Temporal be unreachable at that moment, the row still says what is pending, and
 * the reconciliation hands it over later.
 */
@Injectable()
export class NetworkChanges {
  async record(em: EntityManager, changes: NetworkChange[]): Promise<void> {
    if (!changes.length) return;
    await em.query('INSERT INTO network_sync_requests (account_id, dhcp_server_id, reason, radius_username, mac) VALUES ?', [
      changes.map((c) => [c.accountId ?? null, c.dhcpServerId ?? null, c.reason, c.radiusUsername ?? null, c.mac ?? null]),
    ]);
  }

  /** A deleted DHCP server has nothing left to apply: its pending changes go with it. */
  async forgetDhcpServer(em: EntityManager, dhcpServerId: number): Promise<void> {
    await em.query('DELETE FROM network_sync_requests WHERE dhcp_server_id = ?', [dhcpServerId]);
  }
}
