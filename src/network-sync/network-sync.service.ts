import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NetworkSyncReport } from '../../workflows/shared';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FreeradiusStore, RadiusRowChange } from './freeradius-store';
import { NetworkDesiredState } from './network-desired-state';
import { askRadiusStatus } from './radius-status';

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
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async syncAccount(accountId: number): Promise<NetworkSyncReport> {
    const pending: { id: number; radius_username: string | null }[] = await this.db.query(
      'SELECT id, radius_username FROM network_sync_requests WHERE account_id = ? AND applied_at IS NULL ORDER BY id',
      [accountId],
    );
    const report: NetworkSyncReport = { applied: 0, radiusChanges: [], skipped: [] };
    const { users, groups } = await this.desired.radiusUsersOf(this.db.manager, [accountId]);
    const removed = await this.usernamesGone(pending.map((p) => p.radius_username).filter((u): u is string => u !== null));
    if (users.length || removed.length) {
      if (!this.freeradius.configured) {
        report.skipped.push('no RADIUS server is configured (RADIUS_DATABASE_URL)');
      } else {
        if (this.config.RADIUS_SERVER) await askRadiusStatus(this.config.RADIUS_SERVER, this.config.RADIUS_SECRET);
        report.radiusChanges = (await this.freeradius.apply(users, removed, groups)).map(describeRadiusChange);
      }
    }
    if (pending.length) {
      const result: { affectedRows: number } = await this.db.query(
        'UPDATE network_sync_requests SET applied_at = ? WHERE id IN (?) AND applied_at IS NULL',
        [this.clock.now(), pending.map((p) => p.id)],
      );
      report.applied = result.affectedRows;
    }
    return report;
  }

  /** Usernames a change touched that no RADIUS account has any more, so the server must forget them. */
  private async usernamesGone(usernames: string[]): Promise<string[]> {
    if (!usernames.length) return [];
    const kept: { username: string }[] = await this.db.query('SELECT username FROM radius_accounts WHERE username IN (?)', [usernames]);
    const present = new Set(kept.map((k) => k.username.toLowerCase()));
    return [...new Set(usernames.filter((u) => !present.has(u.toLowerCase())))];
  }
}
