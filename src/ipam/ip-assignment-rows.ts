import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/errors';
import type { SortOrder } from '../common/list-query';
import type { AssigneeKind, IpAssignmentFilterDto, IpAssignmentResponseDto, IpAssignmentSortField } from './dto/ip-assignment.dto';
import { addressText, fromDecimal, IpFamily } from '../common/ip-address';

const COLUMNS = `a.id, a.account_id, a.subnet_id, s.network AS subnet_network, a.pool_id, p.name AS pool_name, a.family, a.address,
  a.prefix_length, a.covers, a.assignee, a.radius_account_id, a.inventory_mac_id, a.uninventoried_mac_id, a.mac, r.username AS radius_username, acc.name AS account_name, a.soft,
  a.description, a.assigned_at, ab.name AS assigned_by_name, a.removed_at, rb.name AS removed_by_name`;
const FROM = `ip_assignments a
  JOIN ip_subnets s ON s.id = a.subnet_id
  JOIN accounts acc ON acc.id = a.account_id
  LEFT JOIN ip_pools p ON p.id = a.pool_id
  LEFT JOIN radius_accounts r ON r.id = a.radius_account_id
  LEFT JOIN staff_users ab ON ab.id = a.assigned_by_user_id
  LEFT JOIN staff_users rb ON rb.id = a.removed_by_user_id`;
const SORT: Record<IpAssignmentSortField, string> = {
  assignedAt: 'a.assigned_at',
  removedAt: 'a.removed_at',
  address: 'a.family, a.address',
  id: 'a.id',
};

function label(assignee: AssigneeKind, r: Record<string, unknown>): string {
  switch (assignee) {
    case 'radius_account':
      return `RADIUS ${String(r.radius_username)}`;
    case 'inventory_mac':
      return `Item MAC ${String(r.mac)}`;
    case 'uninventoried_mac':
      return `MAC ${String(r.mac)}`;
    default:
      return `Account ${String(r.account_name)}`;
  }
}

function toResponse(r: Record<string, unknown>): IpAssignmentResponseDto {
  const family = Number(r.family) as IpFamily;
  const covers = r.covers as 'address' | 'subnet';
  const text = addressText(family, fromDecimal(r.address));
  const assignee = r.assignee as AssigneeKind;
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    subnetId: Number(r.subnet_id),
    subnetNetwork: r.subnet_network as string,
    poolId: r.pool_id === null ? null : Number(r.pool_id),
    poolName: (r.pool_name as string | null) ?? null,
    family,
    address: covers === 'subnet' ? `${text}/${Number(r.prefix_length)}` : text,
    covers,
    assignee,
    radiusAccountId: r.radius_account_id === null ? null : Number(r.radius_account_id),
    inventoryMacId: r.inventory_mac_id === null ? null : Number(r.inventory_mac_id),
    uninventoriedMacId: r.uninventoried_mac_id === null ? null : Number(r.uninventoried_mac_id),
    mac: (r.mac as string | null) ?? null,
    assigneeLabel: label(assignee, r),
    soft: Number(r.soft) === 1,
    description: (r.description as string | null) ?? null,
    assignedAt: (r.assigned_at as Date).toISOString(),
    assignedByName: (r.assigned_by_name as string | null) ?? null,
    removedAt: r.removed_at === null ? null : (r.removed_at as Date).toISOString(),
    removedByName: (r.removed_by_name as string | null) ?? null,
    active: r.removed_at === null,
  };
}

/** The SQL of ip_assignments, in one place. */
@Injectable()
export class IpAssignmentRows {
  async require(em: EntityManager, id: number): Promise<IpAssignmentResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = ?`, [id]);
    if (!row) throw new NotFoundException('IP assignment', id);
    return toResponse(row);
  }

  async accountOf(em: EntityManager, id: number): Promise<number | null> {
    const [row]: { account_id: number }[] = await em.query('SELECT account_id FROM ip_assignments WHERE id = ?', [id]);
    return row ? Number(row.account_id) : null;
  }

  async addressOf(em: EntityManager, id: number): Promise<{ value: bigint; prefixLength: number }> {
    const [row]: { address: unknown; prefix_length: number }[] = await em.query(
      'SELECT address, prefix_length FROM ip_assignments WHERE id = ?',
      [id],
    );
    if (!row) throw new NotFoundException('IP assignment', id);
    return { value: fromDecimal(row.address), prefixLength: Number(row.prefix_length) };
  }

  async activeOf(em: EntityManager, accountId: number): Promise<IpAssignmentResponseDto[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE a.account_id = ? AND a.removed_at IS NULL ORDER BY a.id`,
      [accountId],
    );
    return rows.map(toResponse);
  }

  async list(
    em: EntityManager,
    accountId: number,
    filter: IpAssignmentFilterDto,
    sort: { field: IpAssignmentSortField; order: SortOrder },
    offset: number,
    limit: number,
  ): Promise<{ rows: IpAssignmentResponseDto[]; total: number }> {
    const where = ['a.account_id = ?'];
    const params: unknown[] = [accountId];
    if (filter.active === true) where.push('a.removed_at IS NULL');
    if (filter.active === false) where.push('a.removed_at IS NOT NULL');
    if (filter.assignee) {
      where.push('a.assignee = ?');
      params.push(filter.assignee);
    }
    if (filter.radiusAccountId) {
      where.push('a.radius_account_id = ?');
      params.push(filter.radiusAccountId);
    }
    if (filter.mac) {
      // Already in the stored form (the filter's DTO normalises it), so equality is equality of the address.
      where.push('a.mac = ?');
      params.push(filter.mac);
    }
    if (filter.id?.length) {
      where.push('a.id IN (?)');
      params.push(filter.id);
    }
    let rows: IpAssignmentResponseDto[];
    let total: number;
    const order = SORT[sort.field]
      .split(', ')
      .map((c) => `${c} ${sort.order}`)
      .join(', ');
    if (filter.q?.trim()) {
      // Addresses are numbers in the table; a search by text reads the account's rows, which are few.
      const all: Record<string, unknown>[] = await em.query(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY ${order}, a.id`,
        params,
      );
      const needle = filter.q.trim().toLowerCase();
      const matching = all
        .map(toResponse)
        .filter((a) => a.address.toLowerCase().includes(needle) || a.assigneeLabel.toLowerCase().includes(needle));
      total = matching.length;
      rows = matching.slice(offset, offset + limit);
    } else {
      const [{ n }]: { n: number }[] = await em.query(`SELECT COUNT(*) AS n FROM ip_assignments a WHERE ${where.join(' AND ')}`, params);
      total = Number(n);
      const found: Record<string, unknown>[] = await em.query(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY ${order}, a.id LIMIT ? OFFSET ?`,
        [...params, limit, offset],
      );
      rows = found.map(toResponse);
    }
    return { rows, total };
  }
}
