import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/errors';
import type { SortOrder } from '../common/list-query';
import type { IpUsageDto, PlanFilterDto, PlanSortField, PoolResponseDto, SubnetResponseDto, SupernetResponseDto } from './dto/ip-plan.dto';
import { addressText, fromDecimal, IpFamily, IpNetwork, reservedAddresses, toDecimal, usableCount } from '../common/ip-address';
import { likeContains } from '../common/sql-like';

/** A subnet as the rules need it: its block, its gateway and what no host may take. */
export interface SubnetFacts {
  id: number;
  supernetId: number;
  network: IpNetwork;
  gateway: bigint | null;
  reserved: bigint[];
}

export interface PoolFacts {
  id: number;
  subnetId: number;
  family: IpFamily;
  first: bigint;
  last: bigint;
  freeFrom: bigint;
}

const iso = (value: unknown): string => (value as Date).toISOString();

export function usage(usable: bigint, assigned: bigint): IpUsageDto {
  // Basis points in bigint arithmetic first: a /64's counts lose their low digits as a float.
  const basisPoints = usable === 0n ? 0n : (assigned * 10_000n) / usable;
  return { usable: usable.toString(), assigned: assigned.toString(), percent: Number(basisPoints) / 100 };
}

function subnetFacts(r: Record<string, unknown>): SubnetFacts {
  const family = Number(r.family) as IpFamily;
  const first = fromDecimal(r.first_address);
  const network: IpNetwork = {
    family,
    prefixLength: Number(r.prefix_length),
    first,
    last: fromDecimal(r.last_address),
    text: r.network as string,
  };
  const gateway = r.gateway === null ? null : fromDecimal(r.gateway);
  return { id: Number(r.id), supernetId: Number(r.supernet_id), network, gateway, reserved: reservedAddresses(network, gateway) };
}

export function poolFacts(r: Record<string, unknown>): PoolFacts {
  return {
    id: Number(r.id),
    subnetId: Number(r.subnet_id),
    family: Number(r.family) as IpFamily,
    first: fromDecimal(r.first_address),
    last: fromDecimal(r.last_address),
    freeFrom: fromDecimal(r.free_from),
  };
}

/** Filters shared by the three lists of the address plan. */
function planWhere(
  alias: string,
  filter: PlanFilterDto,
  extra: { supernet?: boolean; subnet?: boolean },
): { sql: string; params: unknown[] } {
  const where: string[] = ['1 = 1'];
  const params: unknown[] = [];
  if (filter.q?.trim()) {
    where.push(`(${alias}.name LIKE ? OR ${alias === 'p' ? 's' : alias}.network LIKE ?)`);
    params.push(likeContains(filter.q.trim()), likeContains(filter.q.trim()));
  }
  if (filter.family) {
    where.push(`${alias === 'p' ? 's' : alias}.family = ?`);
    params.push(filter.family);
  }
  if (extra.supernet && filter.supernetId) {
    where.push(`${alias === 'p' ? 's' : alias}.supernet_id = ?`);
    params.push(filter.supernetId);
  }
  if (extra.subnet && filter.subnetId) {
    where.push(`${alias}.subnet_id = ?`);
    params.push(filter.subnetId);
  }
  if (filter.id?.length) {
    where.push(`${alias}.id IN (?)`);
    params.push(filter.id);
  }
  return { sql: where.join(' AND '), params };
}

const SORT: Record<string, Record<PlanSortField, string>> = {
  n: { id: 'n.id', name: 'n.name', network: 'n.family, n.first_address' },
  s: { id: 's.id', name: 's.name', network: 's.family, s.first_address' },
  p: { id: 'p.id', name: 'p.name', network: 's.family, p.first_address' },
};
const orderBy = (alias: string, sort: { field: PlanSortField; order: SortOrder }) =>
  SORT[alias][sort.field]
    .split(', ')
    .map((column) => `${column} ${sort.order}`)
    .join(', ');

/** The SQL of supernets, subnets and pools, and of how much of each is assigned. */
@Injectable()
export class IpPlanRows {
  async subnetFacts(em: EntityManager, id: number, opts: { lock?: boolean } = {}): Promise<SubnetFacts> {
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT id, supernet_id, family, network, prefix_length, first_address, last_address, gateway FROM ip_subnets WHERE id = ?${
        opts.lock ? ' FOR UPDATE' : ''
      }`,
      [id],
    );
    if (!row) throw new NotFoundException('Subnet', id);
    return subnetFacts(row);
  }

  /** Locks the subnet a pool lies in (the lock every assignment in it takes); null when there is no such pool. */
  async lockSubnetOfPool(em: EntityManager, poolId: number): Promise<SubnetFacts | null> {
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT id, supernet_id, family, network, prefix_length, first_address, last_address, gateway FROM ip_subnets
        WHERE id = (SELECT subnet_id FROM ip_pools WHERE id = ?) FOR UPDATE`,
      [poolId],
    );
    return row ? subnetFacts(row) : null;
  }

  async poolFacts(em: EntityManager, id: number): Promise<PoolFacts> {
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT p.id, p.subnet_id, s.family, p.first_address, p.last_address, p.free_from
         FROM ip_pools p JOIN ip_subnets s ON s.id = p.subnet_id WHERE p.id = ?`,
      [id],
    );
    if (!row) throw new NotFoundException('Pool', id);
    return poolFacts(row);
  }

  async poolsOfSubnet(em: EntityManager, subnetId: number): Promise<PoolFacts[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT p.id, p.subnet_id, s.family, p.first_address, p.last_address, p.free_from
         FROM ip_pools p JOIN ip_subnets s ON s.id = p.subnet_id WHERE p.subnet_id = ? ORDER BY p.first_address`,
      [subnetId],
    );
    return rows.map(poolFacts);
  }

  /** The pool of the subnet whose range holds the address, if any. */
  async poolHolding(em: EntityManager, subnetId: number, address: bigint): Promise<PoolFacts | null> {
    return (await this.poolsOfSubnet(em, subnetId)).find((p) => address >= p.first && address <= p.last) ?? null;
  }

  async supernets(
    em: EntityManager,
    filter: PlanFilterDto,
    sort: { field: PlanSortField; order: SortOrder },
    offset: number,
    limit: number,
  ) {
    const where = planWhere('n', filter, {});
    const [{ total }]: { total: number }[] = await em.query(
      `SELECT COUNT(*) AS total FROM ip_supernets n WHERE ${where.sql}`,
      where.params,
    );
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT n.*, (SELECT COUNT(*) FROM ip_subnets s WHERE s.supernet_id = n.id) AS subnet_count
         FROM ip_supernets n WHERE ${where.sql} ORDER BY ${orderBy('n', sort)} LIMIT ? OFFSET ?`,
      [...where.params, limit, offset],
    );
    return { rows: rows.map(toSupernet), total: Number(total) };
  }

  async supernet(em: EntityManager, id: number): Promise<SupernetResponseDto> {
    const { rows } = await this.supernets(em, { id: [id] }, { field: 'id', order: 'ASC' }, 0, 1);
    if (!rows.length) throw new NotFoundException('Supernet', id);
    return rows[0];
  }

  async subnets(em: EntityManager, filter: PlanFilterDto, sort: { field: PlanSortField; order: SortOrder }, offset: number, limit: number) {
    const where = planWhere('s', filter, { supernet: true });
    const [{ total }]: { total: number }[] = await em.query(`SELECT COUNT(*) AS total FROM ip_subnets s WHERE ${where.sql}`, where.params);
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT s.*, n.name AS supernet_name,
              (SELECT COUNT(*) FROM ip_assignments a WHERE a.subnet_id = s.id AND a.active_address IS NOT NULL AND a.covers = 'address') AS assigned,
              EXISTS (SELECT 1 FROM ip_assignments a WHERE a.subnet_id = s.id AND a.active_address IS NOT NULL AND a.covers = 'subnet') AS assigned_whole
         FROM ip_subnets s JOIN ip_supernets n ON n.id = s.supernet_id
        WHERE ${where.sql} ORDER BY ${orderBy('s', sort)} LIMIT ? OFFSET ?`,
      [...where.params, limit, offset],
    );
    return { rows: rows.map(toSubnet), total: Number(total) };
  }

  async subnet(em: EntityManager, id: number): Promise<SubnetResponseDto> {
    const { rows } = await this.subnets(em, { id: [id] }, { field: 'id', order: 'ASC' }, 0, 1);
    if (!rows.length) throw new NotFoundException('Subnet', id);
    return rows[0];
  }

  async pools(em: EntityManager, filter: PlanFilterDto, sort: { field: PlanSortField; order: SortOrder }, offset: number, limit: number) {
    const where = planWhere('p', filter, { supernet: true, subnet: true });
    const [{ total }]: { total: number }[] = await em.query(
      `SELECT COUNT(*) AS total FROM ip_pools p JOIN ip_subnets s ON s.id = p.subnet_id WHERE ${where.sql}`,
      where.params,
    );
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT p.*, s.family, s.network AS subnet_network, s.prefix_length, s.first_address AS subnet_first, s.last_address AS subnet_last, s.gateway,
              (SELECT COUNT(*) FROM ip_assignments a WHERE a.subnet_id = p.subnet_id AND a.active_address BETWEEN p.first_address AND p.last_address) AS assigned
         FROM ip_pools p JOIN ip_subnets s ON s.id = p.subnet_id
        WHERE ${where.sql} ORDER BY ${orderBy('p', sort)} LIMIT ? OFFSET ?`,
      [...where.params, limit, offset],
    );
    return { rows: rows.map(toPool), total: Number(total) };
  }

  async pool(em: EntityManager, id: number): Promise<PoolResponseDto> {
    const { rows } = await this.pools(em, { id: [id] }, { field: 'id', order: 'ASC' }, 0, 1);
    if (!rows.length) throw new NotFoundException('Pool', id);
    return rows[0];
  }

  /** Another block of the same kind that shares an address with [first, last], if any. */
  async overlapping(
    em: EntityManager,
    table: 'ip_supernets' | 'ip_subnets',
    family: IpFamily,
    first: bigint,
    last: bigint,
    exceptId?: number,
  ): Promise<{ id: number; name: string; network: string } | null> {
    const [row]: { id: number; name: string; network: string }[] = await em.query(
      `SELECT id, name, network FROM ${table} WHERE family = ? AND first_address <= ? AND last_address >= ? AND id <> ? LIMIT 1`,
      [family, toDecimal(last), toDecimal(first), exceptId ?? 0],
    );
    return row ? { id: Number(row.id), name: row.name, network: row.network } : null;
  }
}

function toSupernet(r: Record<string, unknown>): SupernetResponseDto {
  return {
    id: Number(r.id),
    name: r.name as string,
    family: Number(r.family) as IpFamily,
    network: r.network as string,
    description: (r.description as string | null) ?? null,
    subnetCount: Number(r.subnet_count),
    createdAt: iso(r.created_at),
  };
}

function toSubnet(r: Record<string, unknown>): SubnetResponseDto {
  const facts = subnetFacts(r);
  const usable = usableCount(facts.network.first, facts.network.last, facts.reserved);
  const assignedWhole = Number(r.assigned_whole) === 1;
  return {
    id: facts.id,
    supernetId: facts.supernetId,
    supernetName: r.supernet_name as string,
    name: r.name as string,
    family: facts.network.family,
    network: facts.network.text,
    prefixLength: facts.network.prefixLength,
    gateway: facts.gateway === null ? null : addressText(facts.network.family, facts.gateway),
    reserved: facts.reserved.map((value) => addressText(facts.network.family, value)),
    description: (r.description as string | null) ?? null,
    usage: usage(usable, assignedWhole ? usable : BigInt(String(r.assigned))),
    assignedWhole,
    createdAt: iso(r.created_at),
  };
}

function toPool(r: Record<string, unknown>): PoolResponseDto {
  const family = Number(r.family) as IpFamily;
  const subnet = subnetFacts({
    ...r,
    id: r.subnet_id,
    first_address: r.subnet_first,
    last_address: r.subnet_last,
    network: r.subnet_network,
  });
  const first = fromDecimal(r.first_address);
  const last = fromDecimal(r.last_address);
  return {
    id: Number(r.id),
    subnetId: Number(r.subnet_id),
    subnetNetwork: r.subnet_network as string,
    name: r.name as string,
    family,
    firstAddress: addressText(family, first),
    lastAddress: addressText(family, last),
    description: (r.description as string | null) ?? null,
    usage: usage(usableCount(first, last, subnet.reserved), BigInt(String(r.assigned))),
    createdAt: iso(r.created_at),
  };
}
