import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { billingToday } from '../billing-config/billing-date';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, DomainException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { AccountDidFilterDto, AccountDidSortField, AssignDidDto, DidHoldingResponseDto, VoiceServiceResponseDto } from './dto/did.dto';
import { VoiceErrorCode } from './voice.error-codes';

interface ServiceRow {
  id: number;
  account_id: number;
  service_id: number | null;
  service_name: string | null;
  kind: string | null;
  voice_rate_plan_id: number | null;
  rate_plan_name: string | null;
  included_minutes: number | null;
  included_minutes_scope: 'all' | 'outbound' | null;
  added_on: string;
  removed_on: string | null;
}

interface HoldingRow {
  id: number;
  did_id: number;
  number: string;
  account_id: number;
  account_service_id: number;
  service_name: string | null;
  assigned_at: Date;
  released_at: Date | null;
}

const SERVICE_COLUMNS = `s.id, s.account_id, s.service_id, v.name AS service_name, v.kind, v.voice_rate_plan_id, p.name AS rate_plan_name,
  v.included_minutes, v.included_minutes_scope, DATE_FORMAT(s.added_on, '%Y-%m-%d') AS added_on,
  DATE_FORMAT(s.removed_on, '%Y-%m-%d') AS removed_on`;
const SERVICE_FROM = `account_services s LEFT JOIN services v ON v.id = s.service_id LEFT JOIN voice_rate_plans p ON p.id = v.voice_rate_plan_id`;
const HOLDING_COLUMNS = `h.id, h.did_id, d.number, h.account_id, h.account_service_id, v.name AS service_name, h.assigned_at, h.released_at`;
const HOLDING_FROM = `did_assignments h JOIN dids d ON d.id = h.did_id
  LEFT JOIN account_services s ON s.id = h.account_service_id LEFT JOIN services v ON v.id = s.service_id`;
const HOLDING_SORT: Record<AccountDidSortField, string> = {
  assignedAt: 'h.assigned_at',
  releasedAt: 'h.released_at',
  number: 'd.number',
  id: 'h.id',
};

function toHolding(row: HoldingRow): DidHoldingResponseDto {
  return {
    id: Number(row.id),
    didId: Number(row.did_id),
    number: row.number,
    accountId: Number(row.account_id),
    accountServiceId: Number(row.account_service_id),
    serviceName: row.service_name,
    assignedAt: row.assigned_at.toISOString(),
    releasedAt: row.released_at ? row.released_at.toISOString() : null,
    current: row.released_at === null,
  };
}

/**
 * An account's voice services and the numbers they hold. A number reaches an account only through
 * one of its voice services, and each holding is kept as an interval [assigned, released), so a
 * call is always matched to whoever held the number when it started. Assigning locks the account's
 * family and then the number's row: two clerks assigning one number are served one after the other,
 * and the second finds it taken.
 */
@Injectable()
export class VoiceServicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The account's services of a voice catalogue service, removed ones too, each with the numbers it holds now. */
  async voiceServices(accountId: number): Promise<VoiceServiceResponseDto[]> {
    await this.assertAccount(accountId);
    const rows: ServiceRow[] = await this.db.query(
      `SELECT ${SERVICE_COLUMNS} FROM ${SERVICE_FROM} WHERE s.account_id = ? AND v.kind = 'voice' ORDER BY s.removed_on IS NOT NULL, s.id`,
      [accountId],
    );
    const holdings: HoldingRow[] = rows.length
      ? await this.db.query(
          `SELECT ${HOLDING_COLUMNS} FROM ${HOLDING_FROM} WHERE h.account_service_id IN (?) AND h.released_at IS NULL ORDER BY d.number`,
          [rows.map((r) => r.id)],
        )
      : [];
    return rows.map((r) => ({
      id: Number(r.id),
      accountId: Number(r.account_id),
      serviceId: Number(r.service_id),
      serviceName: r.service_name ?? '',
      ratePlanId: r.voice_rate_plan_id === null ? null : Number(r.voice_rate_plan_id),
      ratePlanName: r.rate_plan_name,
      includedMinutes: Number(r.included_minutes ?? 0),
      includedMinutesScope: r.included_minutes_scope ?? 'all',
      addedOn: r.added_on,
      removedOn: r.removed_on,
      dids: holdings
        .filter((h) => Number(h.account_service_id) === Number(r.id))
        .map((h) => ({ didId: Number(h.did_id), number: h.number, assignedAt: h.assigned_at.toISOString() })),
    }));
  }

  /** Every number the account holds or has held, a page at a time. */
  async holdings(
    accountId: number,
    query: ListQuery<AccountDidFilterDto, AccountDidSortField>,
  ): Promise<ListResult<DidHoldingResponseDto>> {
    await this.assertAccount(accountId);
    const where = ['h.account_id = ?'];
    const params: unknown[] = [accountId];
    const { current, q, accountServiceId, id } = query.filter;
    if (current !== undefined) where.push(current ? 'h.released_at IS NULL' : 'h.released_at IS NOT NULL');
    if (q) {
      where.push('d.number LIKE ?');
      params.push(`%${q}%`);
    }
    if (accountServiceId) {
      where.push('h.account_service_id = ?');
      params.push(accountServiceId);
    }
    if (id?.length) {
      where.push('h.id IN (?)');
      params.push(id);
    }
    const clause = where.join(' AND ');
    // A held number has no release: it sorts as the latest.
    const column = HOLDING_SORT[query.sort.field];
    const order =
      query.sort.field === 'releasedAt'
        ? `h.released_at IS NULL ${query.sort.order}, ${column} ${query.sort.order}, h.id ${query.sort.order}`
        : `${column} ${query.sort.order}, h.id ${query.sort.order}`;
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(`SELECT ${HOLDING_COLUMNS} FROM ${HOLDING_FROM} WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
        ...params,
        query.limit,
        query.offset,
      ]),
      this.db.query(`SELECT COUNT(*) AS n FROM did_assignments h JOIN dids d ON d.id = h.did_id WHERE ${clause}`, params),
    ]);
    return new ListResult('did-holdings', (rows as HoldingRow[]).map(toHolding), Number(n), query.offset);
  }

  /**
   * Gives an available number to the account's voice service, from now or from `since` (for calls
   * made before it was recorded here). The account service must be the account's, of a voice
   * catalogue service, and not removed.
   */
  async assign(
    accountId: number,
    accountServiceId: number,
    dto: AssignDidDto,
    user: AuthenticatedUser | null,
  ): Promise<DidHoldingResponseDto> {
    const now = this.clock.now();
    const since = dto.since ? new Date(dto.since) : now;
    if (since.getTime() > now.getTime()) {
      throw new BadInputException([
        { field: 'since', rule: 'notFuture', message: 'since cannot be in the future: a number is held from now at the latest' },
      ]);
    }
    return transactionWithRetry(this.db, async (em) => {
      await this.accounts.lock(em, accountId);
      const service = await this.voiceService(em, accountId, accountServiceId);
      const today = billingToday(this.clock, this.config.BILLING_TIME_ZONE);
      if (service.removed_on !== null && service.removed_on <= today) {
        throw new ConflictException(
          VoiceErrorCode.VoiceServiceRemoved,
          `${service.service_name ?? 'The voice service'} was removed from the account on ${service.removed_on}, so it cannot take a number`,
        );
      }
      const [did]: { id: number; number: string; state: string; account_service_id: number | null }[] = await em.query(
        'SELECT id, number, state, account_service_id FROM dids WHERE id = ? FOR UPDATE',
        [dto.didId],
      );
      if (!did)
        throw new BadInputException([{ field: 'didId', rule: 'exists', message: `didId: phone number ${dto.didId} does not exist` }]);
      if (did.state !== 'available') {
        throw new ConflictException(
          VoiceErrorCode.DidNotAvailable,
          did.state === 'assigned'
            ? `+${did.number} is held by another voice service${Number(did.account_service_id) === accountServiceId ? ' (this one)' : ''}; it must be released first`
            : `+${did.number} is ${did.state}, not available; make it available first`,
          [{ field: 'didId', rule: 'available', message: `phone number ${did.id} is ${did.state}` }],
        );
      }
      const [{ last }]: { last: Date | null }[] = await em.query('SELECT MAX(released_at) AS last FROM did_assignments WHERE did_id = ?', [
        did.id,
      ]);
      if (last && since.getTime() < last.getTime()) {
        throw new BadInputException([
          {
            field: 'since',
            rule: 'afterRelease',
            message: `since must be at or after ${last.toISOString()}, when the number's last holder gave it back`,
          },
        ]);
      }
      await em.query("UPDATE dids SET state = 'assigned', account_service_id = ? WHERE id = ?", [accountServiceId, did.id]);
      const result = await em.query(
        'INSERT INTO did_assignments (did_id, account_id, account_service_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?)',
        [did.id, accountId, accountServiceId, since, user?.id ?? null],
      );
      const holding = await this.holding(em, Number(result.insertId));
      await this.audit.recordAction(em, {
        action: 'did.assign',
        entityType: 'did',
        entityId: did.id,
        accountId,
        after: { ...holding, serviceName: service.service_name },
      });
      return holding;
    });
  }

  /** Takes the number back from the voice service now; it is available again, and its holding ends. */
  async release(
    accountId: number,
    accountServiceId: number,
    didId: number,
    user: AuthenticatedUser | null,
  ): Promise<DidHoldingResponseDto> {
    const now = this.clock.now();
    return transactionWithRetry(this.db, async (em) => {
      await this.accounts.lock(em, accountId);
      await this.voiceService(em, accountId, accountServiceId);
      const [did]: { id: number; number: string; state: string; account_service_id: number | null }[] = await em.query(
        'SELECT id, number, state, account_service_id FROM dids WHERE id = ? FOR UPDATE',
        [didId],
      );
      if (!did) throw new NotFoundException('Phone number', didId);
      if (did.state !== 'assigned' || Number(did.account_service_id) !== accountServiceId) {
        throw new ConflictException(VoiceErrorCode.DidNotHeld, `+${did.number} is not held by voice service ${accountServiceId}`);
      }
      const [open]: { id: number; assigned_at: Date }[] = await em.query(
        'SELECT id, assigned_at FROM did_assignments WHERE did_id = ? AND released_at IS NULL FOR UPDATE',
        [didId],
      );
      if (!open) throw new ConflictException(VoiceErrorCode.DidNotHeld, `+${did.number} has no open holding to end`);
      // A holding dated later than now (a clock set back) still closes, as an empty interval.
      const releasedAt = open.assigned_at.getTime() > now.getTime() ? open.assigned_at : now;
      await em.query('UPDATE did_assignments SET released_at = ?, released_by = ? WHERE id = ?', [releasedAt, user?.id ?? null, open.id]);
      await em.query("UPDATE dids SET state = 'available', account_service_id = NULL WHERE id = ?", [didId]);
      const holding = await this.holding(em, Number(open.id));
      await this.audit.recordAction(em, { action: 'did.release', entityType: 'did', entityId: didId, accountId, before: { ...holding } });
      return holding;
    });
  }

  private async holding(em: EntityManager, id: number): Promise<DidHoldingResponseDto> {
    const [row]: HoldingRow[] = await em.query(`SELECT ${HOLDING_COLUMNS} FROM ${HOLDING_FROM} WHERE h.id = ?`, [id]);
    return toHolding(row);
  }

  /** The account service, checked to be the account's and of a voice catalogue service. */
  private async voiceService(em: EntityManager, accountId: number, accountServiceId: number): Promise<ServiceRow> {
    const [row]: ServiceRow[] = await em.query(`SELECT ${SERVICE_COLUMNS} FROM ${SERVICE_FROM} WHERE s.id = ?`, [accountServiceId]);
    if (!row || Number(row.account_id) !== accountId) throw new NotFoundException(`Service of account ${accountId}`, accountServiceId);
    if (row.kind !== 'voice') {
      throw new DomainException(
        VoiceErrorCode.NotAVoiceService,
        `${row.service_name ? `"${row.service_name}"` : 'A package'} is not a voice service; numbers are assigned to services of a voice catalogue service`,
      );
    }
    return row;
  }

  private async assertAccount(accountId: number): Promise<void> {
    const [row] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!row) throw new NotFoundException('Account', accountId);
  }
}
