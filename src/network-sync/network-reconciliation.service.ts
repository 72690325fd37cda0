import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { networkReconcileWorkflow } from '../../workflows/network-reconcile.workflow';
import { workflowIds, type NetworkReconciliationReport } from '../../workflows/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { NotFoundException } from '../common/errors';
import { addressText, fromDecimal } from '../common/ip-address';
import { ListResult } from '../common/list-query';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import type {
  NetworkReconciliationDto,
  NetworkReconciliationFilterDto,
  NetworkReconciliationSummaryDto,
} from './dto/network-reconciliation.dto';
import { FreeradiusStore } from './freeradius-store';
import { KeaStore, Reservation } from './kea-store';
import { NetworkDesiredState } from './network-desired-state';
import { NetworkSyncProcess } from './network-sync-process';
import { describeRadiusChange, NetworkSyncService, noControlSocket } from './network-sync.service';
import { askRadiusStatus } from './radius-status';
import { SPEED_GROUP_PREFIX } from './radius-state';
import { reconciliationRepairs } from './reconciliation-repairs';

/** Accounts whose RADIUS state is computed and written together. */
const BATCH = 500;
/** A pending change older than this was not handed over when it was made: the reconciliation wakes its run. */
const STRANDED_AFTER_MS = 60_000;

/** A row with who asked for it and how many repairs of each kind its report holds, so a list need not read the reports. */
const SUMMARY_COLUMNS = `r.id, r.status, DATE_FORMAT(r.night_of, '%Y-%m-%d') AS night_of, r.started_at, r.finished_at, r.repairs,
    r.requested_by_user_id, u.name AS requested_by_name, u.email AS requested_by_email,
    COALESCE(JSON_LENGTH(r.report, '$.radius'), 0) AS radius_repairs,
    COALESCE(JSON_LENGTH(r.report, '$.nas'), 0) AS nas_repairs,
    COALESCE(JSON_LENGTH(r.report, '$.dhcp'), 0) AS dhcp_repairs,
    JSON_UNQUOTE(JSON_EXTRACT(r.report, '$.error')) AS error`;
const WITH_REQUESTER = 'network_reconciliations r LEFT JOIN staff_users u ON u.id = r.requested_by_user_id';

function toSummary(row: Record<string, unknown>): NetworkReconciliationSummaryDto {
  return {
    id: Number(row.id),
    status: row.status as NetworkReconciliationSummaryDto['status'],
    nightOf: (row.night_of as string | null) ?? null,
    requestedBy:
      row.requested_by_user_id === null
        ? null
        : { id: Number(row.requested_by_user_id), name: row.requested_by_name as string, email: row.requested_by_email as string },
    startedAt: (row.started_at as Date).toISOString(),
    finishedAt: row.finished_at === null ? null : (row.finished_at as Date).toISOString(),
    repairs: Number(row.repairs),
    repairCounts: { radius: Number(row.radius_repairs), nas: Number(row.nas_repairs), dhcp: Number(row.dhcp_repairs) },
    error: (row.error as string | null) ?? null,
  };
}

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
    private readonly audit: AuditService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A reconciliation staff asked for now: its row and its entry in the action history together, then
   * its workflow. Should Temporal refuse it, the row says so instead of running for ever.
   */
  async start(user: AuthenticatedUser): Promise<NetworkReconciliationDto> {
    const id = await transactionWithRetry(this.db, async (em) => {
      const result: { insertId: number } = await em.query('INSERT INTO network_reconciliations (requested_by_user_id) VALUES (?)', [
        user.id,
      ]);
      await this.audit.recordAction(em, {
        action: 'network_reconciliation.start',
        entityType: 'network_reconciliation',
        entityId: result.insertId,
        before: null,
        after: { workflowId: workflowIds.networkReconcile(result.insertId) },
      });
      return result.insertId;
    });
    try {
      await this.client.workflow.start(networkReconcileWorkflow, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId: workflowIds.networkReconcile(id),
        args: [{ reconciliationId: id }],
        memo: { description: `Network reconciliation ${id}, asked for by ${user.email}` },
      });
    } catch (err) {
      await this.finish(id, 'failed', 0, { error: `Temporal did not start it: ${err instanceof Error ? err.message : String(err)}` });
      throw err;
    }
    return this.get(id);
  }

  async list(
    filter: NetworkReconciliationFilterDto,
    offset: number,
    limit: number,
    order: 'ASC' | 'DESC',
  ): Promise<ListResult<NetworkReconciliationSummaryDto>> {
    const where = filter.id?.length ? 'WHERE r.id IN (?)' : '';
    const params = filter.id?.length ? [filter.id] : [];
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM network_reconciliations r ${where}`, params);
    // Ids grow with the start time, so one order serves both sortable fields.
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ${WITH_REQUESTER} ${where} ORDER BY r.id ${order === 'ASC' ? 'ASC' : 'DESC'} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return new ListResult('network-reconciliations', rows.map(toSummary), Number(n), offset);
  }

  /** The night's row, made once however often the night's step is retried. */
  async forNight(date: string): Promise<number> {
    const result: { insertId: number } = await this.db.query(
      `INSERT INTO network_reconciliations (night_of) VALUES (?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)`,
      [date],
    );
    return result.insertId;
  }

  async get(id: number): Promise<NetworkReconciliationDto> {
    const [row]: Record<string, unknown>[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, r.report FROM ${WITH_REQUESTER} WHERE r.id = ?`,
      [id],
    );
    if (!row) throw new NotFoundException('Network reconciliation', id);
    const summary = toSummary(row);
    // A failed one keeps only its error where the report would be.
    const stored = summary.status === 'completed' ? row.report : null;
    const report = (typeof stored === 'string' ? JSON.parse(stored) : (stored ?? null)) as NetworkReconciliationReport | null;
    return {
      ...summary,
      report,
      repairList: report ? reconciliationRepairs(report) : [],
      ...(summary.nightOf === null && { workflowId: workflowIds.networkReconcile(id) }),
    };
  }

  async run(id: number, heartbeat: () => void = () => undefined): Promise<NetworkReconciliationReport> {
    try {
      const report: NetworkReconciliationReport = { radius: [], nas: [], dhcp: [], handedOver: 0, skipped: [] };
      await this.reconcileRadius(report, heartbeat);
      await this.reconcileDhcp(report, heartbeat);
      report.handedOver = await this.handOverStranded();
      await this.recheckCaps();
      await this.finish(id, 'completed', report.radius.length + report.nas.length + report.dhcp.length, report);
      return report;
    } catch (err) {
      await this.finish(id, 'failed', 0, { error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  }

  private async finish(id: number, status: 'completed' | 'failed', repairs: number, report: object): Promise<void> {
    await this.db.query('UPDATE network_reconciliations SET status = ?, finished_at = ?, repairs = ?, report = ? WHERE id = ?', [
      status,
      this.clock.now(),
      repairs,
      JSON.stringify(report),
      id,
    ]);
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
    report.nas.push(...(await this.sync.applyNasDevices()));
  }

  private async reconcileDhcp(report: NetworkReconciliationReport, heartbeat: () => void): Promise<void> {
    for (const server of await this.sync.dhcpServers('1 = 1', [])) {
      // Without a control socket the subnets cannot be read: a note, not a repair counted every night.
      if (server.controlSocket) report.dhcp.push(...(await this.sync.applyServedSubnets(server)));
      else report.skipped.push(noControlSocket(server.name));
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

  /**
   * Accounts slowed at their usage cap since before today (UTC) get a pass: their period may have
   * turned while their run was not there to look (it ended, or Temporal lost it), and the pass
   * restores their sessions if so. Their run normally does this itself just after midnight UTC.
   */
  private async recheckCaps(): Promise<void> {
    const now = this.clock.now();
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const rows: { account_id: number }[] = await this.db.query(
      "SELECT account_id FROM session_enforcement_accounts WHERE restriction = 'cap' AND since < ? ORDER BY account_id",
      [today],
    );
    await this.provisioning.kick(
      rows.map((r) => Number(r.account_id)),
      'reconciliation',
    );
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
