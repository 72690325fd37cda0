import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthErrorCode } from '../auth/auth.error-codes';
import { BadInputException, ConflictException, DomainException, NotFoundException } from '../common/errors';
import { addressText, fromDecimal, type IpFamily } from '../common/ip-address';
import { ListQuery, ListResult } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import {
  AddressListCreatedDto,
  AddressListFilterDto,
  AddressListResponseDto,
  AddressListSortField,
  CreateAddressListDto,
  FetchKeyDto,
  ListAccounts,
  UpdateAddressListDto,
} from './dto/address-list.dto';
import { ListEntry, ListFormat, plainList, routerOsScript } from './address-list-formats';
import { AddressListsErrorCode } from './address-lists.error-codes';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const SORT: Record<AddressListSortField, string> = { id: 'id', name: 'name', accounts: 'accounts', updatedAt: 'updated_at' };

/** The accounts a list takes, as SQL on `accounts a` joined to `account_statuses st`. */
function accountCondition(accounts: ListAccounts): string {
  switch (accounts) {
    case 'delinquent':
      return 'st.is_delinquency = 1';
    case 'not_delinquent':
      return 'st.is_delinquency = 0';
    case 'statuses':
      return 'a.account_status_id IN (SELECT account_status_id FROM address_list_statuses WHERE address_list_id = ?)';
    default:
      return '1 = 1';
  }
}

export interface RenderedList {
  body: string;
  etag: string;
}

/**
 * Address lists for routers: the active, provisioned addresses (and routed subnets) of the accounts
 * a list takes, read from the assignments at each fetch, so a status change reaches the router the
 * next time it fetches. The answer carries an ETag of its content; a router that sends it back gets
 * 304 while nothing changed.
 */
@Injectable()
export class AddressListsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<AddressListFilterDto, AddressListSortField>): Promise<ListResult<AddressListResponseDto>> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (query.filter.q?.trim()) {
      where.push('(name LIKE ? OR description LIKE ?)');
      params.push(likeContains(query.filter.q.trim()), likeContains(query.filter.q.trim()));
    }
    if (query.filter.accounts) {
      where.push('accounts = ?');
      params.push(query.filter.accounts);
    }
    if (query.filter.id?.length) {
      where.push('id IN (?)');
      params.push(query.filter.id);
    }
    const clause = where.join(' AND ');
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM address_lists WHERE ${clause}`, params);
    const rows: { id: number }[] = await this.db.query(
      `SELECT id FROM address_lists WHERE ${clause} ORDER BY ${SORT[query.sort.field]} ${query.sort.order}, id LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult('address-lists', await Promise.all(rows.map((r) => this.get(Number(r.id)))), Number(n), query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<AddressListResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query('SELECT * FROM address_lists WHERE id = ?', [id]);
    if (!row) throw new NotFoundException('Address list', id);
    const statuses: { account_status_id: number }[] = await em.query(
      'SELECT account_status_id FROM address_list_statuses WHERE address_list_id = ? ORDER BY account_status_id',
      [id],
    );
    return {
      id: Number(row.id),
      name: row.name as string,
      description: (row.description as string | null) ?? null,
      accounts: row.accounts as ListAccounts,
      statusIds: statuses.map((s) => Number(s.account_status_id)),
      entryCount: (await this.entries(em, Number(row.id), row.accounts as ListAccounts)).length,
      updatedAt: (row.updated_at as Date).toISOString(),
    };
  }

  async create(dto: CreateAddressListDto): Promise<AddressListCreatedDto> {
    const fetchKey = randomBytes(24).toString('base64url');
    return transactionWithRetry(this.db, async (em) => {
      let id: number;
      try {
        id = (
          await em.query('INSERT INTO address_lists (name, description, accounts, fetch_key_sha256) VALUES (?, ?, ?, ?)', [
            dto.name,
            dto.description?.trim() || null,
            dto.accounts,
            sha256(fetchKey),
          ])
        ).insertId as number;
      } catch (err) {
        if (isDuplicateKey(err)) {
          throw new ConflictException(AddressListsErrorCode.NameTaken, `An address list named ${dto.name} exists already.`, [
            { field: 'name', rule: 'unique', message: `${dto.name} is taken` },
          ]);
        }
        throw err;
      }
      await this.writeStatuses(em, id, dto.accounts, dto.statusIds);
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'address_list.create',
        entityType: 'address_list',
        entityId: id,
        before: null,
        after: { ...after },
      });
      return { ...after, fetchKey };
    });
  }

  async update(id: number, dto: UpdateAddressListDto): Promise<AddressListResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await em.query('SELECT id FROM address_lists WHERE id = ? FOR UPDATE', [id]);
      const before = await this.get(id, em);
      const accounts = dto.accounts ?? before.accounts;
      await em.query('UPDATE address_lists SET description = IF(?, ?, description), accounts = ? WHERE id = ?', [
        dto.description !== undefined,
        dto.description?.trim() || null,
        accounts,
        id,
      ]);
      if (dto.accounts !== undefined || dto.statusIds !== undefined)
        await this.writeStatuses(em, id, accounts, dto.statusIds ?? before.statusIds);
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'address_list.update',
        entityType: 'address_list',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async rotateKey(id: number): Promise<FetchKeyDto> {
    const fetchKey = randomBytes(24).toString('base64url');
    await transactionWithRetry(this.db, async (em) => {
      const before = await this.get(id, em);
      await em.query('UPDATE address_lists SET fetch_key_sha256 = ? WHERE id = ?', [sha256(fetchKey), id]);
      await this.audit.recordAction(em, {
        action: 'address_list.rotate_key',
        entityType: 'address_list',
        entityId: id,
        before: { name: before.name },
        after: { name: before.name },
      });
    });
    return { fetchKey };
  }

  async delete(id: number): Promise<AddressListResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.get(id, em);
      await em.query('DELETE FROM address_lists WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'address_list.delete',
        entityType: 'address_list',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  /** The list as a router fetches it, after checking the router's key. Every failure answers the same 401. */
  async fetch(name: string, authorization: string | undefined, format: ListFormat): Promise<RenderedList> {
    const key = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const [row]: { id: number; accounts: ListAccounts; fetch_key_sha256: string }[] = await this.db.query(
      'SELECT id, accounts, fetch_key_sha256 FROM address_lists WHERE name = ?',
      [name],
    );
    const expected = Buffer.from(row?.fetch_key_sha256 ?? sha256('no list'), 'hex');
    const given = Buffer.from(sha256(key ?? ''), 'hex');
    if (!row || !key || !timingSafeEqual(expected, given)) {
      throw new DomainException(
        AuthErrorCode.Unauthenticated,
        'A valid fetch key for this address list is required (Authorization: Bearer <key>).',
      );
    }
    const entries = await this.entries(this.db.manager, Number(row.id), row.accounts);
    const body = format === 'routeros' ? routerOsScript(name, entries) : plainList(entries);
    return { body, etag: `"${sha256(body).slice(0, 32)}"` };
  }

  /** The entries of a list, as staff see them in the panel. */
  async preview(id: number, format: ListFormat): Promise<string> {
    const list = await this.get(id);
    const entries = await this.entries(this.db.manager, id, list.accounts);
    return format === 'routeros' ? routerOsScript(list.name, entries) : plainList(entries);
  }

  /** Active, provisioned (not soft) assignments of the accounts the list takes, IPv4 before IPv6, in address order. */
  private async entries(em: EntityManager, listId: number, accounts: ListAccounts): Promise<ListEntry[]> {
    const rows: { family: number; address: unknown; prefix_length: number; covers: string; account_id: number }[] = await em.query(
      `SELECT x.family, x.address, x.prefix_length, x.covers, x.account_id
         FROM ip_assignments x
         JOIN accounts a ON a.id = x.account_id
         JOIN account_statuses st ON st.id = a.account_status_id
        WHERE x.removed_at IS NULL AND x.soft = 0 AND ${accountCondition(accounts)}
        ORDER BY x.family, x.address`,
      accounts === 'statuses' ? [listId] : [],
    );
    return rows.map((r) => {
      const text = addressText(Number(r.family) as IpFamily, fromDecimal(r.address));
      return {
        family: Number(r.family) as 4 | 6,
        entry: r.covers === 'subnet' ? `${text}/${r.prefix_length}` : text,
        accountId: Number(r.account_id),
      };
    });
  }

  private async writeStatuses(em: EntityManager, id: number, accounts: ListAccounts, statusIds: number[] | undefined): Promise<void> {
    await em.query('DELETE FROM address_list_statuses WHERE address_list_id = ?', [id]);
    if (accounts !== 'statuses') return;
    const wanted = [...new Set(statusIds ?? [])];
    if (!wanted.length)
      throw new BadInputException([
        { field: 'statusIds', rule: 'required', message: 'choose at least one account status for accounts = statuses' },
      ]);
    const found: { id: number }[] = await em.query('SELECT id FROM account_statuses WHERE id IN (?)', [wanted]);
    const missing = wanted.filter((s) => !found.some((f) => Number(f.id) === s));
    if (missing.length)
      throw new BadInputException([
        { field: 'statusIds', rule: 'exists', message: `account status(es) ${missing.join(', ')} do not exist` },
      ]);
    await em.query('INSERT INTO address_list_statuses (address_list_id, account_status_id) VALUES ?', [wanted.map((s) => [id, s])]);
  }
}
