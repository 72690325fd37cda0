import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountStatusWriter } from '../accounts/account-status-writer';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException } from '../common/errors';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { DisconnectionSettingsDto, UpdateDisconnectionSettingsDto } from './dto/disconnection-settings.dto';
import { DisconnectionErrorCode } from './disconnection.error-codes';

export interface DisconnectStatus {
  id: number;
  name: string;
}

interface StatusRow {
  id: number;
  name: string;
  color: string;
  counts_as_active: number;
  is_disconnect: number;
}

/**
 * Which status a disconnected account gets. A disconnected account is no longer
 * served, so only a status that does not count as active will do; one of them may
 * be flagged as the default, used when the clerk does not pick one.
 */
@Injectable()
export class DisconnectStatusService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly accountStatuses: AccountStatusWriter,
  ) {}

  async settings(em: EntityManager = this.db.manager): Promise<DisconnectionSettingsDto> {
    const rows: StatusRow[] = await em.query(
      `SELECT id, name, color, counts_as_active, is_disconnect FROM account_statuses
        WHERE counts_as_active = 0 OR is_disconnect = 1 ORDER BY name, id`,
    );
    const flagged = rows.find((r) => Number(r.is_disconnect) === 1);
    return {
      defaultStatusId: flagged ? Number(flagged.id) : null,
      statuses: rows
        .filter((r) => Number(r.counts_as_active) === 0)
        .map((r) => ({ id: Number(r.id), name: r.name, color: r.color, isDefault: Number(r.is_disconnect) === 1 })),
    };
  }

  /** Moves the default flag to one status (or clears it); at most one status carries it, by a unique key. */
  async setDefault(dto: UpdateDisconnectionSettingsDto): Promise<DisconnectionSettingsDto> {
    try {
      return await transactionWithRetry(this.db, async (em) => {
        if (dto.defaultStatusId !== null) await this.requireEligible(em, dto.defaultStatusId, 'defaultStatusId', 'FOR UPDATE');
        const before = await this.settings(em);
        await this.accountStatuses.flagDefaultDisconnectStatus(em, dto.defaultStatusId);
        const after = await this.settings(em);
        await this.audit.recordAction(em, {
          action: 'disconnection_settings.update',
          entityType: 'disconnection_settings',
          entityId: 'default_status',
          before: { defaultStatusId: before.defaultStatusId },
          after: { defaultStatusId: after.defaultStatusId },
        });
        return after;
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      throw new ConflictException(
        DisconnectionErrorCode.DisconnectDefaultChanged,
        'Someone else changed the default disconnect status at the same moment; look at it again and retry',
      );
    }
  }

  /** The status a disconnection gives: the one asked for, else the flagged default. */
  async target(em: EntityManager, statusId: number | undefined): Promise<DisconnectStatus> {
    // A shared lock: the status cannot start counting as active before the disconnection commits.
    if (statusId !== undefined) return this.requireEligible(em, statusId, 'statusId', 'LOCK IN SHARE MODE');
    const [row]: StatusRow[] = await em.query(
      'SELECT id, name, color, counts_as_active, is_disconnect FROM account_statuses WHERE is_disconnect = 1 LOCK IN SHARE MODE',
    );
    if (!row) {
      throw new ConflictException(
        DisconnectionErrorCode.NoDisconnectStatus,
        'No default disconnect status is set: choose a status for this disconnection, or set the default first',
      );
    }
    if (Number(row.counts_as_active) === 1) {
      throw new ConflictException(
        DisconnectionErrorCode.DisconnectStatusActive,
        `The default disconnect status ${row.name} counts as active; choose another status or change the default`,
      );
    }
    return { id: Number(row.id), name: row.name };
  }

  private async requireEligible(
    em: EntityManager,
    id: number,
    field: string,
    lock: 'FOR UPDATE' | 'LOCK IN SHARE MODE',
  ): Promise<DisconnectStatus> {
    const [row]: StatusRow[] = await em.query(
      `SELECT id, name, color, counts_as_active, is_disconnect FROM account_statuses WHERE id = ? ${lock}`,
      [id],
    );
    if (!row) throw new BadInputException([{ field, rule: 'exists', message: `account status ${id} does not exist` }]);
    if (Number(row.counts_as_active) === 1) {
      throw new BadInputException([
        { field, rule: 'notActive', message: `${row.name} counts as active; a disconnected account needs a status that does not` },
      ]);
    }
    return { id: Number(row.id), name: row.name };
  }
}
