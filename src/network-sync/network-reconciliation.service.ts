import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NetworkReconciliationReport } from '../../workflows/shared';
import { Clock } from '../common/clock';
import { NotFoundException } from '../common/errors';
import { addressText, fromDecimal } from '../common/ip-address';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FreeradiusStore } from './freeradius-store';
import { KeaStore, Reservation } from './kea-store';
import { NetworkDesiredState } from './network-desired-state';
import { NetworkSyncProcess } from './network-sync-process';
import { describeRadiusChange, NetworkSyncService } from './network-sync.service';
import { askRadiusStatus } from './radius-status';
import { SPEED_GROUP_PREFIX } from './radius-state';

/** Accounts whose RADIUS state is computed and written together. */
const BATCH = 500;
/** A pending change older than this was not handed over when it was made: the reconciliation wakes its run. */
const STRANDED_AFTER_MS = 60_000;

/**
 * Compares the network servers with Backhaul's tables, which are the truth, and repairs the
 * difference: rows made or changed by hand on FreeRADIUS, reservations added or lost in Kea, a
 * Kea whose subnets drifted from the address plan, and changes whose provisioning run was never
 * started. Each repair is reported in words (never a password or a secret).
 */
@Injectable()
export class NetworkReconciliationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly desired: NetworkDesiredState,
    private readonly freeradius: FreeradiusStore,
    private readonly kea: KeaStore,
    private readonly provisioning: NetworkSyncProcess,
    private readonly sync: NetworkSyncService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A reconciliation row for staff who asked for one now. */
  async request(userId: number): Promise<number> {
    const result: { insertId: number } = await this.db.query('INSERT INTO network_reconciliations (requested_by_user_id) VALUES (?)', [
      userId,
    ]);
    return result.insertId;
  }

  /** The night's row, made once however often the night's step is retried. */
  async forNight(date: string): Promise<number> {
    const result: { insertId: number } = await this.db.query(
      `INSERT INTO network_reconciliations (night_of) VALUES (?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)`,
      [date],
    );
    return result.insertId;
  }

  async get(id: number): Promise<{
    id: number;
    status: string;
    nightOf: string | null;
    startedAt: string;
    finishedAt: string | null;
    repairs: number;
    report: NetworkReconciliationReport | null;
  }> {
    const [row]: Record<string, unknown>[] = await this.db.query('SELECT * FROM network_reconciliations WHERE id = ?', [id]);
    if (!row) throw new NotFoundException('Network reconciliation', id);
    return {
      id: Number(row.id),
      status: row.status as string,
      nightOf: (row.night_of as string | null) ?? null,
      startedAt: (row.started_at as Date).toISOString(),
      finishedAt: row.finished_at === null ? null : (row.finished_at as Date).toISOString(),
      repairs: Number(row.repairs),
      report:
        typeof row.report === 'string'
          ? (JSON.parse(row.report) as NetworkReconciliationReport)
          : ((row.report as NetworkReconciliationReport | null) ?? null),
    };
  }

  async run(id: number, heartbeat: () => void = () => undefined): Promise<NetworkReconciliationReport> {
    try {
      const report: NetworkReconciliationReport = { radius: [], nas: [], dhcp: [], handedOver: 0, skipped: [] };
      await this.reconcileRadius(report, heartbeat);
      await this.reconcileDhcp(report, heartbeat);
      report.handedOver = await this.handOverStranded();
      const repairs = report.radius.length + report.nas.length + report.dhcp.length;
      await this.db.query(
        "UPDATE network_reconciliations SET status = 'completed', finished_at = ?, repairs = ?, report = ? WHERE id = ?",
        [this.clock.now(), repairs, JSON.stringify(report), id],
      );
      return report;
    } catch (err) {
      await this.db.query("UPDATE network_reconciliations SET status = 'failed', finished_at = ?, report = ? WHERE id = ?", [
        this.clock.now(),
        JSON.stringify({ error: err instanceof Error ? err.message : String(err) }),
        id,
      ]);
      throw err;
    }
  }

  private async reconcileRadius(report: NetworkReconciliationReport, heartbeat: () => void): Promise<void> {
    if (!this.freeradius.configured) {
      report.skipped.push('no RADIUS server is configured (RADIUS_DATABASE_URL)');
      return;
    }
    if (this.config.RADIUS_SERVER) await askRadiusStatus(this.config.RADIUS_SERVER, this.config.RADIUS_SECRET);
    const accounts: { account_id: number }[] = await this.db.query('SELECT DISTINCT account_id FROM radius_accounts ORDER BY account_id');
    const ours = new Set<string>();
    const groups = new Set<string>();
    for (let i = 0; i < accounts.length; i += BATCH) {
      const state = await this.desired.radiusUsersOf(
        this.db.manager,
        accounts.slice(i, i + BATCH).map((a) => Number(a.account_id)),
      );
      for (const user of state.users) ours.add(user.username.toLowerCase());
      for (const group of state.groups) groups.add(group.name);
      report.radius.push(...(await this.freeradius.apply(state.users, [], state.groups)).map(describeRadiusChange));
      heartbeat();
    }
    const onServer = await this.freeradius.allNames();
    const strangers = onServer.usernames.filter((u) => !ours.has(u.toLowerCase()));
    // Groups Backhaul made for a data service no account has any more; other groups are someone else's.
    const staleGroups = onServer.groups
      .filter((g) => g.startsWith(SPEED_GROUP_PREFIX) && !groups.has(g))
      .map((name) => ({ name, replies: [] }));
    report.radius.push(...(await this.freeradius.apply([], strangers, staleGroups)).map(describeRadiusChange));
    const devices: { name: string; address: string; secret: string; nas_type: string; description: string | null }[] = await this.db.query(
      'SELECT name, address, secret, nas_type, description FROM nas_devices ORDER BY id',
    );
    report.nas.push(
      ...(await this.freeradius.applyNas(
        devices.map((d) => ({
          nasname: d.address,
          shortname: d.name.slice(0, 32),
          type: d.nas_type,
          secret: d.secret,
          description: d.description ?? d.name,
        })),
      )),
    );
  }

  private async reconcileDhcp(report: NetworkReconciliationReport, heartbeat: () => void): Promise<void> {
    for (const server of await this.sync.dhcpServers('1 = 1', [])) {
      report.dhcp.push(...(await this.sync.applyServedSubnets(server)));
      const wanted: Reservation[] = (
        (await this.db.query(
          `SELECT a.mac, a.subnet_id, a.address FROM ip_assignments a JOIN ip_subnet_dhcp_servers l ON l.subnet_id = a.subnet_id
            WHERE l.dhcp_server_id = ? AND a.mac IS NOT NULL AND a.removed_at IS NULL AND a.soft = 0 AND a.family = 4 AND a.covers = 'address'`,
          [server.id],
        )) as { mac: string; subnet_id: number; address: unknown }[]
      ).map((w) => ({ mac: w.mac, subnetId: Number(w.subnet_id), address: addressText(4, fromDecimal(w.address)) }));
      const stored = await this.kea.allReservations(server);
      const macs = [...new Set([...wanted.map((w) => w.mac), ...stored.map((s) => s.mac)])];
      for (let i = 0; i < macs.length; i += BATCH) {
        const chunk = new Set(macs.slice(i, i + BATCH));
        report.dhcp.push(
          ...(await this.kea.applyReservations(
            server,
            [...chunk],
            wanted.filter((w) => chunk.has(w.mac)),
          )),
        );
        heartbeat();
      }
    }
  }

  /** Pending changes nobody handed to Temporal (it was unreachable when they were made): wake their runs now. */
  private async handOverStranded(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - STRANDED_AFTER_MS);
    const rows: { account_id: number | null; dhcp_server_id: number | null }[] = await this.db.query(
      'SELECT DISTINCT account_id, dhcp_server_id FROM network_sync_requests WHERE applied_at IS NULL AND requested_at < ?',
      [before],
    );
    const accounts = rows.filter((r) => r.account_id !== null).map((r) => Number(r.account_id));
    await this.provisioning.kick(accounts, 'reconciliation');
    for (const row of rows.filter((r) => r.dhcp_server_id !== null))
      await this.provisioning.kickDhcpServer(Number(row.dhcp_server_id), 'reconciliation');
    return rows.length;
  }
}
