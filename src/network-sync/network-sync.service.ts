import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NetworkSyncReport } from '../../workflows/shared';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { addressText, fromDecimal } from '../common/ip-address';
import { FreeradiusStore, RadiusRowChange } from './freeradius-store';
import { KeaServer, KeaStore } from './kea-store';
import { NetworkDesiredState } from './network-desired-state';
import { askRadiusStatus } from './radius-status';
import { SessionEnforcementService } from './session-enforcement.service';

export const noControlSocket = (serverName: string): string => `${serverName} has no control socket: its subnets are left as they are`;

export const describeRadiusChange = (c: RadiusRowChange): string =>
  `${c.change} ${c.table} ${c.name}: ${c.attribute}${c.table === 'radusergroup' ? ` ${c.value}` : ` = ${c.value}`}`;

/**
 * Applies an account's network state to the servers. Each pass reads what is pending in the
 * outbox, computes the whole state of the account from Backhaul's tables, writes it (a server's
 * rows for the account become exactly that state) and then stamps the pending rows it read. A
 * pass repeated after a crash between the write and the stamp writes nothing new and stamps.
 */
@Injectable()
export class NetworkSyncService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly desired: NetworkDesiredState,
    private readonly freeradius: FreeradiusStore,
    private readonly kea: KeaStore,
    private readonly sessions: SessionEnforcementService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async syncAccount(accountId: number): Promise<NetworkSyncReport> {
    const pending: { id: number; radius_username: string | null; mac: string | null }[] = await this.db.query(
      'SELECT id, radius_username, mac FROM network_sync_requests WHERE account_id = ? AND applied_at IS NULL ORDER BY id',
      [accountId],
    );
    const report: NetworkSyncReport = { applied: 0, radiusChanges: [], dhcpChanges: [], skipped: [] };
    const { users, groups, profiles } = await this.desired.radiusUsersOf(this.db.manager, [accountId]);
    const removed = await this.usernamesGone(pending.map((p) => p.radius_username).filter((u): u is string => u !== null));
    if (users.length || removed.length) {
      if (!this.freeradius.configured) {
        report.skipped.push('no RADIUS server is configured (RADIUS_DATABASE_URL)');
      } else {
        if (this.config.RADIUS_SERVER) await askRadiusStatus(this.config.RADIUS_SERVER, this.config.RADIUS_SECRET);
        report.radiusChanges = (await this.freeradius.apply(users, removed, groups)).map(describeRadiusChange);
      }
    }
    report.dhcpChanges = await this.applyReservations(
      accountId,
      pending.map((p) => p.mac).filter((m): m is string => m !== null),
    );
    // After the RADIUS replies: a session that logs in from here on gets the new profile, the ones up already are told.
    const enforcement = await this.sessions.plan(accountId, profiles.get(accountId));
    report.sessionRequests = enforcement.pending;
    report.recheckInSeconds = enforcement.recheckInSeconds;
    report.skipped.push(...enforcement.skipped);
    report.applied = await this.stamp(pending.map((p) => p.id));
    return report;
  }

  /** A DHCP server's own configuration: the IPv4 subnets it serves, with their gateways. */
  async syncDhcpServer(dhcpServerId: number): Promise<NetworkSyncReport> {
    const pending: { id: number }[] = await this.db.query(
      'SELECT id FROM network_sync_requests WHERE dhcp_server_id = ? AND applied_at IS NULL ORDER BY id',
      [dhcpServerId],
    );
    const report: NetworkSyncReport = { applied: 0, radiusChanges: [], dhcpChanges: [], skipped: [] };
    const [server] = await this.dhcpServers('s.id = ?', [dhcpServerId]);
    if (!server) {
      report.skipped.push(`DHCP server ${dhcpServerId} no longer exists`);
      return report;
    }
    if (server.controlSocket) report.dhcpChanges = await this.applyServedSubnets(server);
    else report.skipped.push(noControlSocket(server.name));
    report.applied = await this.stamp(pending.map((p) => p.id));
    return report;
  }

  /**
   * The RADIUS server's `nas` table becomes the NAS devices. No outbox row: the pass writes the
   * whole list each time, and a kick Temporal missed is made good by the next reconciliation.
   */
  async syncNasDevices(): Promise<NetworkSyncReport> {
    const report: NetworkSyncReport = { applied: 0, radiusChanges: [], dhcpChanges: [], skipped: [] };
    if (!this.freeradius.configured) report.skipped.push('no RADIUS server is configured (RADIUS_DATABASE_URL)');
    else report.radiusChanges = await this.applyNasDevices();
    return report;
  }

  /** What the server's client list must hold, written over it; the changes made, in words. */
  async applyNasDevices(): Promise<string[]> {
    const devices: { name: string; address: string; secret: string; nas_type: string; description: string | null }[] = await this.db.query(
      'SELECT name, address, secret, nas_type, description FROM nas_devices ORDER BY id',
    );
    return this.freeradius.applyNas(
      devices.map((d) => ({
        nasname: d.address,
        shortname: d.name.slice(0, 32),
        type: d.nas_type,
        secret: d.secret,
        description: d.description ?? d.name,
      })),
    );
  }

  /**
   * The reservations of every MAC address the pass touches (the account's own, and those a
   * pending change named) become what Backhaul holds for those MACs, whichever account holds
   * them now: a MAC moved to another account keeps the reservation that account gave it.
   */
  private async applyReservations(accountId: number, pendingMacs: string[]): Promise<string[]> {
    const own: { mac: string }[] = await this.db.query(
      'SELECT DISTINCT mac FROM ip_assignments WHERE account_id = ? AND mac IS NOT NULL AND removed_at IS NULL',
      [accountId],
    );
    const macs = [...new Set([...own.map((o) => o.mac), ...pendingMacs])];
    if (!macs.length) return [];
    const servers = await this.dhcpServers('1 = 1', []);
    if (!servers.length) return [];
    const wanted: { mac: string; subnet_id: number; address: unknown; dhcp_server_id: number }[] = await this.db.query(
      `SELECT a.mac, a.subnet_id, a.address, l.dhcp_server_id FROM ip_assignments a
         JOIN ip_subnet_dhcp_servers l ON l.subnet_id = a.subnet_id
        WHERE a.mac IN (?) AND a.removed_at IS NULL AND a.soft = 0 AND a.family = 4 AND a.covers = 'address'`,
      [macs],
    );
    const changes: string[] = [];
    for (const server of servers) {
      await this.kea.probe(server);
      const reservations = wanted
        .filter((w) => Number(w.dhcp_server_id) === server.id)
        .map((w) => ({ mac: w.mac, subnetId: Number(w.subnet_id), address: addressText(4, fromDecimal(w.address)) }));
      changes.push(...(await this.kea.applyReservations(server, macs, reservations)));
    }
    return changes;
  }

  /** The server's subnets become the address plan's IPv4 subnets it serves, with their gateways. */
  async applyServedSubnets(server: KeaServer): Promise<string[]> {
    const subnets: { id: number; network: string; gateway: unknown }[] = await this.db.query(
      `SELECT s.id, s.network, s.gateway FROM ip_subnet_dhcp_servers l JOIN ip_subnets s ON s.id = l.subnet_id
        WHERE l.dhcp_server_id = ? AND s.family = 4 ORDER BY s.id`,
      [server.id],
    );
    await this.kea.probe(server);
    return this.kea.applySubnets(
      server,
      subnets.map((s) => ({
        id: Number(s.id),
        network: s.network,
        gateway: s.gateway === null ? null : addressText(4, fromDecimal(s.gateway)),
      })),
    );
  }

  async dhcpServers(where: string, params: unknown[]): Promise<KeaServer[]> {
    const rows: Record<string, unknown>[] = await this.db.query(`SELECT s.* FROM dhcp_servers s WHERE ${where} ORDER BY s.id`, params);
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name as string,
      hostsDatabaseUrl: r.hosts_database_url as string,
      controlSocket: (r.control_socket as string | null) ?? null,
      relayAddresses: r.relay_addresses ? (r.relay_addresses as string).split(',') : [],
    }));
  }

  private async stamp(ids: number[]): Promise<number> {
    if (!ids.length) return 0;
    const result: { affectedRows: number } = await this.db.query(
      'UPDATE network_sync_requests SET applied_at = ? WHERE id IN (?) AND applied_at IS NULL',
      [this.clock.now(), ids],
    );
    return result.affectedRows;
  }

  /** Usernames a change touched that no RADIUS account has any more, so the server must forget them. */
  private async usernamesGone(usernames: string[]): Promise<string[]> {
    if (!usernames.length) return [];
    const kept: { username: string }[] = await this.db.query('SELECT username FROM radius_accounts WHERE username IN (?)', [usernames]);
    const present = new Set(kept.map((k) => k.username.toLowerCase()));
    return [...new Set(usernames.filter((u) => !present.has(u.toLowerCase())))];
  }
}
