import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { addressText, fromDecimal, type IpFamily } from '../common/ip-address';
import { NetworkChanges } from '../network-sync/network-changes';
import { NetworkDesiredState } from '../network-sync/network-desired-state';
import { NetworkSyncProcess } from '../network-sync/network-sync-process';
import {
  CreateRadiusAccountDto,
  RadiusAccountFilterDto,
  RadiusAccountResponseDto,
  RadiusAccountSortField,
  UpdateRadiusAccountDto,
} from './dto/radius-account.dto';
import { RadiusErrorCode } from './radius.error-codes';

const SORT: Record<RadiusAccountSortField, string> = {
  id: 'r.id',
  username: 'r.username',
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
};

/** 100000 kbps as "100M", 1500 as "1.5M", 512 as "512k": how speeds are said in the trade. */
export function speedText(kbps: number): string {
  if (kbps >= 1000) return `${Number((kbps / 1000).toFixed(kbps % 100 === 0 ? 1 : 3))}M`;
  return `${kbps}k`;
}

/**
 * RADIUS accounts: the logins a subscriber's router or PPPoE client authenticates with. The
 * password is written to the RADIUS server and kept here to be written again (after drift, or to a
 * new server); no answer, log line or audit entry ever carries it.
 */
@Injectable()
export class RadiusAccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly changes: NetworkChanges,
    private readonly provisioning: NetworkSyncProcess,
    private readonly desired: NetworkDesiredState,
  ) {}

  async list(
    accountId: number,
    query: ListQuery<RadiusAccountFilterDto, RadiusAccountSortField>,
  ): Promise<ListResult<RadiusAccountResponseDto>> {
    const [account]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!account) throw new NotFoundException('Account', accountId);
    const where = ['r.account_id = ?'];
    const params: unknown[] = [accountId];
    if (query.filter.q?.trim()) {
      where.push('r.username LIKE ?');
      params.push(likeContains(query.filter.q.trim()));
    }
    if (query.filter.id?.length) {
      where.push('r.id IN (?)');
      params.push(query.filter.id);
    }
    const clause = where.join(' AND ');
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM radius_accounts r WHERE ${clause}`, params);
    const page = await this.read(this.db.manager, clause, params, `${SORT[query.sort.field]} ${query.sort.order}, r.id`, query);
    return new ListResult('radius-accounts', page, Number(n), query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<RadiusAccountResponseDto> {
    const [found] = await this.read(em, 'r.id = ?', [id]);
    if (!found) throw new NotFoundException('RADIUS account', id);
    return found;
  }

  async create(accountId: number, dto: CreateRadiusAccountDto, user: AuthenticatedUser): Promise<RadiusAccountResponseDto> {
    const created = await transactionWithRetry(this.db, async (em) => {
      await this.accounts.lock(em, accountId);
      let id: number;
      try {
        const result: { insertId: number } = await em.query(
          'INSERT INTO radius_accounts (account_id, username, password, created_by_user_id) VALUES (?, ?, ?, ?)',
          [accountId, dto.username, dto.password, user.id],
        );
        id = result.insertId;
      } catch (err) {
        if (isDuplicateKey(err)) throw this.usernameTaken(dto.username);
        throw err;
      }
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'radius_account.create',
        entityType: 'radius_account',
        entityId: id,
        accountId,
        before: null,
        after: audited(after),
      });
      await this.changes.record(em, [{ accountId, reason: 'radius_account.create', radiusUsername: dto.username }]);
      return after;
    });
    await this.provisioning.kick([accountId], 'radius_account.create');
    return created;
  }

  async update(id: number, dto: UpdateRadiusAccountDto): Promise<RadiusAccountResponseDto> {
    if (dto.username === undefined && dto.password === undefined) {
      throw new BadInputException([{ field: 'body', rule: 'nothingToChange', message: 'give a new username, a new password, or both' }]);
    }
    const after = await transactionWithRetry(this.db, async (em) => {
      const before = await this.loadLocked(em, id);
      try {
        await em.query('UPDATE radius_accounts SET username = COALESCE(?, username), password = COALESCE(?, password) WHERE id = ?', [
          dto.username ?? null,
          dto.password ?? null,
          id,
        ]);
      } catch (err) {
        if (isDuplicateKey(err)) throw this.usernameTaken(dto.username ?? before.username);
        throw err;
      }
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'radius_account.update',
        entityType: 'radius_account',
        entityId: id,
        accountId: before.accountId,
        before: audited(before),
        after: { ...audited(after), ...(dto.password !== undefined && { passwordChanged: true }) },
      });
      // The old name too: renamed, it must leave the server.
      await this.changes.record(em, [
        { accountId: before.accountId, reason: 'radius_account.update', radiusUsername: before.username },
        { accountId: before.accountId, reason: 'radius_account.update', radiusUsername: after.username },
      ]);
      return after;
    });
    await this.provisioning.kick([after.accountId], 'radius_account.update');
    return after;
  }

  async delete(id: number): Promise<RadiusAccountResponseDto> {
    const before = await transactionWithRetry(this.db, async (em) => {
      const before = await this.loadLocked(em, id);
      if (before.ipAddresses.length) {
        throw new ConflictException(
          RadiusErrorCode.AccountInUse,
          `RADIUS account ${before.username} still holds ${before.ipAddresses.join(', ')}; remove or move those assignments first.`,
        );
      }
      // Its removed assignments keep their history: they point at nothing once it goes.
      await em.query('DELETE FROM radius_accounts WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'radius_account.delete',
        entityType: 'radius_account',
        entityId: id,
        accountId: before.accountId,
        before: audited(before),
        after: null,
      });
      await this.changes.record(em, [{ accountId: before.accountId, reason: 'radius_account.delete', radiusUsername: before.username }]);
      return before;
    });
    await this.provisioning.kick([before.accountId], 'radius_account.delete');
    return before;
  }

  private async loadLocked(em: EntityManager, id: number): Promise<RadiusAccountResponseDto> {
    const [row]: { account_id: number }[] = await em.query('SELECT account_id FROM radius_accounts WHERE id = ?', [id]);
    if (!row) throw new NotFoundException('RADIUS account', id);
    await this.accounts.lock(em, Number(row.account_id));
    return this.get(id, em);
  }

  private usernameTaken(username: string): ConflictException {
    return new ConflictException(RadiusErrorCode.UsernameTaken, `The RADIUS username ${username} is taken.`, [
      { field: 'username', rule: 'unique', message: `${username} is taken` },
    ]);
  }

  private async read(
    em: EntityManager,
    where: string,
    params: unknown[],
    order = 'r.username',
    page?: { limit: number; offset: number },
  ): Promise<RadiusAccountResponseDto[]> {
    const rows: { id: number; account_id: number; username: string; created_at: Date; updated_at: Date }[] = await em.query(
      `SELECT r.id, r.account_id, r.username, r.created_at, r.updated_at FROM radius_accounts r
        WHERE ${where} ORDER BY ${order}${page ? ' LIMIT ? OFFSET ?' : ''}`,
      page ? [...params, page.limit, page.offset] : params,
    );
    if (!rows.length) return [];
    const assigned: { radius_account_id: number; family: number; address: unknown; prefix_length: number; covers: string }[] =
      await em.query(
        `SELECT radius_account_id, family, address, prefix_length, covers FROM ip_assignments
        WHERE radius_account_id IN (?) AND removed_at IS NULL ORDER BY covers, family, address`,
        [rows.map((r) => r.id)],
      );
    const services = await this.desired.dataServicesOf(em, [...new Set(rows.map((r) => Number(r.account_id)))]);
    return rows.map((r) => {
      const service = services.get(Number(r.account_id));
      return {
        id: Number(r.id),
        accountId: Number(r.account_id),
        username: r.username,
        ipAddresses: assigned
          .filter((a) => Number(a.radius_account_id) === Number(r.id))
          .map((a) => {
            const text = addressText(Number(a.family) as IpFamily, fromDecimal(a.address));
            return a.covers === 'subnet' ? `${text}/${a.prefix_length}` : text;
          }),
        speed: service ? `${speedText(service.downloadKbps)}/${speedText(service.uploadKbps)}` : null,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      };
    });
  }
}

/** What the action history keeps of a RADIUS account: never the password. */
function audited(account: RadiusAccountResponseDto): Record<string, unknown> {
  return { id: account.id, accountId: account.accountId, username: account.username, ipAddresses: account.ipAddresses };
}
