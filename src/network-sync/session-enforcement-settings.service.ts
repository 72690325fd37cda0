import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { afterCommit } from '../database/after-commit';
import { transactionWithRetry } from '../database/transaction';
import type { SessionEnforcementSettingsDto, UpdateSessionEnforcementSettingsDto } from './dto/session-enforcement-settings.dto';
import { NetworkChanges } from './network-changes';
import { NetworkSyncProcess } from './network-sync-process';
import type { SpeedProfile } from './session-profiles';

const SETTINGS_CHANGED = 'session_enforcement_settings.update';

interface SettingsRow {
  delinquent_download_kbps: number;
  delinquent_upload_kbps: number;
  updated_at: Date;
}

const view = (row: SettingsRow): SessionEnforcementSettingsDto => ({
  delinquentDownloadKbps: Number(row.delinquent_download_kbps),
  delinquentUploadKbps: Number(row.delinquent_upload_kbps),
  updatedAt: row.updated_at.toISOString(),
});

/**
 * The profile a delinquent account's sessions are limited to (one row). A change reaches the
 * accounts limited now: each gets a provisioning pass, which writes the new profile to its RADIUS
 * replies and tells its live sessions.
 */
@Injectable()
export class SessionEnforcementSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly changes: NetworkChanges,
    private readonly provisioning: NetworkSyncProcess,
  ) {}

  async get(): Promise<SessionEnforcementSettingsDto> {
    return view(await this.row(this.db.manager));
  }

  async delinquentProfile(em: EntityManager): Promise<SpeedProfile> {
    const settings = view(await this.row(em));
    return { downloadKbps: settings.delinquentDownloadKbps, uploadKbps: settings.delinquentUploadKbps };
  }

  async update(dto: UpdateSessionEnforcementSettingsDto): Promise<SessionEnforcementSettingsDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = view(await this.row(em, true));
      if (before.delinquentDownloadKbps === dto.delinquentDownloadKbps && before.delinquentUploadKbps === dto.delinquentUploadKbps)
        return before;
      await em.query('UPDATE session_enforcement_settings SET delinquent_download_kbps = ?, delinquent_upload_kbps = ? WHERE id = 1', [
        dto.delinquentDownloadKbps,
        dto.delinquentUploadKbps,
      ]);
      const after = view(await this.row(em));
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'session_enforcement_settings',
        entityId: 1,
        before: { delinquentDownloadKbps: before.delinquentDownloadKbps, delinquentUploadKbps: before.delinquentUploadKbps },
        after: { delinquentDownloadKbps: after.delinquentDownloadKbps, delinquentUploadKbps: after.delinquentUploadKbps },
      });
      const limited: { account_id: number }[] = await em.query(
        "SELECT account_id FROM session_enforcement_accounts WHERE restriction = 'delinquency' ORDER BY account_id",
      );
      const accountIds = limited.map((r) => Number(r.account_id));
      await this.changes.record(
        em,
        accountIds.map((accountId) => ({ accountId, reason: SETTINGS_CHANGED })),
      );
      if (accountIds.length) afterCommit(em, () => this.provisioning.kick(accountIds, SETTINGS_CHANGED));
      return after;
    });
  }

  private async row(em: EntityManager, lock = false): Promise<SettingsRow> {
    const [row]: SettingsRow[] = await em.query(
      `SELECT delinquent_download_kbps, delinquent_upload_kbps, updated_at FROM session_enforcement_settings WHERE id = 1${lock ? ' FOR UPDATE' : ''}`,
    );
    return row;
  }
}
