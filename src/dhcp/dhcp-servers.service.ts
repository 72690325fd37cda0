import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { parseAddress } from '../common/ip-address';
import { ListQuery, ListResult } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { NetworkChanges } from '../network-sync/network-changes';
import { NetworkSyncProcess } from '../network-sync/network-sync-process';
import {
  CreateDhcpServerDto,
  DhcpServerFilterDto,
  DhcpServerResponseDto,
  DhcpServerSortField,
  UpdateDhcpServerDto,
} from './dto/dhcp-server.dto';
import { DhcpErrorCode } from './dhcp.error-codes';

const SORT: Record<DhcpServerSortField, string> = { id: 's.id', name: 's.name', updatedAt: 's.updated_at' };

/** The host database's address without its login, so the URL's password is never shown. */
function withoutLogin(url: string): string {
  try {
    const parsed = new URL(url);
    return `mysql://${parsed.host}${parsed.pathname}`;
  } catch {
    return 'mysql://(unreadable)';
  }
}

/**
 * The DHCP servers (Kea) and the subnets each serves. A change here is a network change for the
 * server itself (its subnets in Kea's configuration) and for every account holding a reservation
 * in a subnet that gained or lost the server.
 */
@Injectable()
export class DhcpServersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly changes: NetworkChanges,
    private readonly provisioning: NetworkSyncProcess,
  ) {}

  async list(query: ListQuery<DhcpServerFilterDto, DhcpServerSortField>): Promise<ListResult<DhcpServerResponseDto>> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (query.filter.q?.trim()) {
      // Never the host database URL: a search that matched its password would give it away a letter at a time.
      where.push('(s.name LIKE ? OR s.control_socket LIKE ? OR s.relay_addresses LIKE ?)');
      const like = likeContains(query.filter.q.trim());
      params.push(like, like, like);
    }
    if (query.filter.id?.length) {
      where.push('s.id IN (?)');
      params.push(query.filter.id);
    }
    const clause = where.join(' AND ');
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM dhcp_servers s WHERE ${clause}`, params);
    const page = await this.read(this.db.manager, clause, params, `${SORT[query.sort.field]} ${query.sort.order}, s.id`, query);
    return new ListResult('dhcp-servers', page, Number(n), query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<DhcpServerResponseDto> {
    const [server] = await this.read(em, 's.id = ?', [id]);
    if (!server) throw new NotFoundException('DHCP server', id);
    return server;
  }

  async create(dto: CreateDhcpServerDto): Promise<DhcpServerResponseDto> {
    const relays = relaysOrFail(dto.relayAddresses ?? []);
    const { after, accounts } = await transactionWithRetry(this.db, async (em) => {
      let id: number;
      try {
        id = (
          await em.query('INSERT INTO dhcp_servers (name, hosts_database_url, control_socket, relay_addresses) VALUES (?, ?, ?, ?)', [
            dto.name.trim(),
            dto.hostsDatabaseUrl,
            dto.controlSocket?.trim() || null,
            relays.join(',') || null,
          ])
        ).insertId as number;
      } catch (err) {
        if (isDuplicateKey(err)) throw nameTaken(dto.name);
        throw err;
      }
      const accounts = await this.linkSubnets(em, id, dto.subnetIds ?? []);
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'dhcp_server.create',
        entityType: 'dhcp_server',
        entityId: id,
        before: null,
        after: { ...after },
      });
      return { after, accounts };
    });
    await this.wake(after.id, accounts);
    return after;
  }

  async update(id: number, dto: UpdateDhcpServerDto): Promise<DhcpServerResponseDto> {
    const relays = dto.relayAddresses === undefined ? undefined : relaysOrFail(dto.relayAddresses);
    const { after, accounts } = await transactionWithRetry(this.db, async (em) => {
      await em.query('SELECT id FROM dhcp_servers WHERE id = ? FOR UPDATE', [id]);
      const before = await this.get(id, em);
      try {
        await em.query(
          `UPDATE dhcp_servers SET name = COALESCE(?, name), hosts_database_url = COALESCE(?, hosts_database_url),
             control_socket = IF(?, ?, control_socket), relay_addresses = IF(?, ?, relay_addresses) WHERE id = ?`,
          [
            dto.name?.trim() ?? null,
            dto.hostsDatabaseUrl ?? null,
            dto.controlSocket !== undefined,
            dto.controlSocket?.trim() || null,
            relays !== undefined,
            relays?.join(',') || null,
            id,
          ],
        );
      } catch (err) {
        if (isDuplicateKey(err)) throw nameTaken(dto.name ?? '');
        throw err;
      }
      // A new host database starts empty: every reservation the server should hold must be written there.
      const accounts =
        dto.subnetIds !== undefined || dto.hostsDatabaseUrl !== undefined
          ? await this.linkSubnets(em, id, dto.subnetIds ?? before.subnetIds, dto.hostsDatabaseUrl !== undefined)
          : [];
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'dhcp_server.update',
        entityType: 'dhcp_server',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return { after, accounts };
    });
    await this.wake(id, accounts);
    return after;
  }

  async delete(id: number): Promise<DhcpServerResponseDto> {
    const { before, accounts } = await transactionWithRetry(this.db, async (em) => {
      await em.query('SELECT id FROM dhcp_servers WHERE id = ? FOR UPDATE', [id]);
      const before = await this.get(id, em);
      if (before.subnetIds.length) {
        throw new ConflictException(
          DhcpErrorCode.ServerInUse,
          `${before.name} still serves ${before.subnetIds.length} subnet(s); take them off it first.`,
          [{ field: 'subnetIds', rule: 'empty', message: 'the server still serves subnets' }],
        );
      }
      await this.changes.forgetDhcpServer(em, id);
      await em.query('DELETE FROM dhcp_servers WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'dhcp_server.delete',
        entityType: 'dhcp_server',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return { before, accounts: [] as number[] };
    });
    await this.provisioning.kick(accounts, 'dhcp_server.delete');
    return before;
  }

  /**
   * Sets the subnets the server serves and writes the network changes that follow: the server's
   * own (its subnets), and one for each account with a reserved address in a subnet that changed.
   */
  private async linkSubnets(em: EntityManager, serverId: number, subnetIds: number[], allSubnets = false): Promise<number[]> {
    const wanted = [...new Set(subnetIds)];
    if (wanted.length) {
      const found: { id: number; family: number }[] = await em.query('SELECT id, family FROM ip_subnets WHERE id IN (?)', [wanted]);
      const missing = wanted.filter((id) => !found.some((f) => Number(f.id) === id));
      if (missing.length)
        throw new BadInputException([{ field: 'subnetIds', rule: 'exists', message: `subnet(s) ${missing.join(', ')} do not exist` }]);
      const v6 = found.filter((f) => Number(f.family) !== 4).map((f) => Number(f.id));
      if (v6.length)
        throw new BadInputException([
          { field: 'subnetIds', rule: 'ipv4', message: `subnet(s) ${v6.join(', ')} are IPv6; a DHCPv4 server serves IPv4 subnets` },
        ]);
    }
    const current: { subnet_id: number }[] = await em.query('SELECT subnet_id FROM ip_subnet_dhcp_servers WHERE dhcp_server_id = ?', [
      serverId,
    ]);
    const had = current.map((c) => Number(c.subnet_id));
    const changed = allSubnets
      ? [...new Set([...had, ...wanted])]
      : [...wanted.filter((id) => !had.includes(id)), ...had.filter((id) => !wanted.includes(id))];
    await em.query('DELETE FROM ip_subnet_dhcp_servers WHERE dhcp_server_id = ?', [serverId]);
    if (wanted.length)
      await em.query('INSERT INTO ip_subnet_dhcp_servers (subnet_id, dhcp_server_id) VALUES ?', [wanted.map((id) => [id, serverId])]);
    const accounts: { account_id: number; mac: string }[] = changed.length
      ? await em.query(
          'SELECT DISTINCT account_id, mac FROM ip_assignments WHERE subnet_id IN (?) AND mac IS NOT NULL AND removed_at IS NULL',
          [changed],
        )
      : [];
    await this.changes.record(em, [
      { dhcpServerId: serverId, reason: 'dhcp_server.subnets' },
      ...accounts.map((a) => ({ accountId: Number(a.account_id), reason: 'dhcp_server.subnets', mac: a.mac })),
    ]);
    return [...new Set(accounts.map((a) => Number(a.account_id)))];
  }

  private async wake(serverId: number, accounts: number[]): Promise<void> {
    await this.provisioning.kickDhcpServer(serverId, 'dhcp_server.change');
    await this.provisioning.kick(accounts, 'dhcp_server.change');
  }

  private async read(
    em: EntityManager,
    where: string,
    params: unknown[],
    order = 's.name',
    page?: { limit: number; offset: number },
  ): Promise<DhcpServerResponseDto[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT s.* FROM dhcp_servers s WHERE ${where} ORDER BY ${order}${page ? ' LIMIT ? OFFSET ?' : ''}`,
      page ? [...params, page.limit, page.offset] : params,
    );
    if (!rows.length) return [];
    const links: { dhcp_server_id: number; subnet_id: number }[] = await em.query(
      'SELECT dhcp_server_id, subnet_id FROM ip_subnet_dhcp_servers WHERE dhcp_server_id IN (?) ORDER BY subnet_id',
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name as string,
      hostsDatabase: withoutLogin(r.hosts_database_url as string),
      controlSocket: (r.control_socket as string | null) ?? null,
      relayAddresses: r.relay_addresses ? (r.relay_addresses as string).split(',') : [],
      subnetIds: links.filter((l) => Number(l.dhcp_server_id) === Number(r.id)).map((l) => Number(l.subnet_id)),
      updatedAt: (r.updated_at as Date).toISOString(),
    }));
  }
}

function relaysOrFail(texts: string[]): string[] {
  return texts.map((text, i) => {
    const address = parseAddress(text);
    if (!address || address.family !== 4) {
      throw new BadInputException([
        { field: `relayAddresses[${i}]`, rule: 'ipv4', message: `relayAddresses[${i}] must be an IPv4 address (got "${text}")` },
      ]);
    }
    return address.text;
  });
}

function nameTaken(name: string): ConflictException {
  return new ConflictException(DhcpErrorCode.ServerNameTaken, `A DHCP server named "${name.trim()}" exists already.`, [
    { field: 'name', rule: 'unique', message: 'another DHCP server has that name' },
  ]);
}
