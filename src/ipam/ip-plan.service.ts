import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, FieldError } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import {
  CreatePoolDto,
  CreateSubnetDto,
  CreateSupernetDto,
  PlanFilterDto,
  PlanSortField,
  PoolResponseDto,
  SubnetResponseDto,
  SupernetResponseDto,
  UpdatePoolDto,
  UpdateSubnetDto,
  UpdateSupernetDto,
} from './dto/ip-plan.dto';
import { addressText, contains, IpNetwork, parseAddress, parseNetwork, reservedAddresses, toDecimal } from '../common/ip-address';
import { IpPlanRows, SubnetFacts } from './ip-plan-rows';
import { IpamErrorCode } from './ipam.error-codes';
import { NetworkChanges } from '../network-sync/network-changes';
import { NetworkSyncProcess } from '../network-sync/network-sync-process';

/** Refuses a network that is not CIDR, naming the field and, for stray host bits, the network meant. */
export function networkOrFail(field: string, text: string): IpNetwork {
  const parsed = parseNetwork(text);
  if ('network' in parsed) return parsed.network;
  const message =
    parsed.problem === 'hostBits'
      ? `${field} ${text} has host bits set; the network of that block is ${parsed.suggestion}`
      : `${field} must be an IPv4 or IPv6 network in CIDR form, like 100.64.0.0/22 or 2001:db8::/48`;
  throw new BadInputException([{ field, rule: parsed.problem === 'hostBits' ? 'networkAddress' : 'cidr', message }]);
}

export function addressOrFail(field: string, text: string) {
  const address = parseAddress(text);
  if (!address) {
    throw new BadInputException([
      { field, rule: 'ipAddress', message: `${field} must be an IPv4 or IPv6 address, like 100.64.8.1 (got "${text}")` },
    ]);
  }
  return address;
}

/**
 * The address plan: supernets, the subnets carved from them and the pools inside subnets.
 * None overlaps another of its kind. SQL cannot say so, so each writer first locks the parent
 * (ip_plan_lock for supernets, the supernet for subnets, the subnet for pools), then checks.
 */
@Injectable()
export class IpPlanService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: IpPlanRows,
    private readonly audit: AuditService,
    private readonly changes: NetworkChanges,
    private readonly provisioning: NetworkSyncProcess,
  ) {}

  async listSupernets(query: ListQuery<PlanFilterDto, PlanSortField>): Promise<ListResult<SupernetResponseDto>> {
    const { rows, total } = await this.rows.supernets(this.db.manager, query.filter, query.sort, query.offset, query.limit);
    return new ListResult('ip-supernets', rows, total, query.offset);
  }

  getSupernet(id: number): Promise<SupernetResponseDto> {
    return this.rows.supernet(this.db.manager, id);
  }

  async createSupernet(dto: CreateSupernetDto): Promise<SupernetResponseDto> {
    const network = networkOrFail('network', dto.network);
    return transactionWithRetry(this.db, async (em) => {
      await em.query('SELECT id FROM ip_plan_lock WHERE id = 1 FOR UPDATE');
      await this.refuseOverlap(em, 'ip_supernets', 'network', network);
      await this.refuseDuplicateName(em, 'ip_supernets', dto.name);
      const result: { insertId: number } = await em.query(
        `INSERT INTO ip_supernets (name, family, network, prefix_length, first_address, last_address, description) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          dto.name.trim(),
          network.family,
          network.text,
          network.prefixLength,
          toDecimal(network.first),
          toDecimal(network.last),
          blankToNull(dto.description),
        ],
      );
      const after = await this.rows.supernet(em, result.insertId);
      await this.audit.recordAction(em, {
        action: 'ip_supernet.create',
        entityType: 'ip_supernet',
        entityId: after.id,
        before: null,
        after: { ...after },
      });
      return after;
    });
  }

  async updateSupernet(id: number, dto: UpdateSupernetDto): Promise<SupernetResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await em.query('SELECT id FROM ip_supernets WHERE id = ? FOR UPDATE', [id]);
      const before = await this.rows.supernet(em, id);
      if (dto.name !== undefined) await this.refuseDuplicateName(em, 'ip_supernets', dto.name, id);
      await em.query('UPDATE ip_supernets SET name = COALESCE(?, name), description = IF(?, ?, description) WHERE id = ?', [
        dto.name?.trim() ?? null,
        dto.description !== undefined,
        blankToNull(dto.description),
        id,
      ]);
      const after = await this.rows.supernet(em, id);
      await this.audit.recordAction(em, {
        action: 'ip_supernet.update',
        entityType: 'ip_supernet',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async deleteSupernet(id: number): Promise<SupernetResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await em.query('SELECT id FROM ip_supernets WHERE id = ? FOR UPDATE', [id]);
      const before = await this.rows.supernet(em, id);
      if (before.subnetCount > 0) {
        throw new ConflictException(
          IpamErrorCode.RangeInUse,
          `Supernet ${before.network} still holds ${before.subnetCount} subnet(s); delete them first.`,
        );
      }
      await em.query('DELETE FROM ip_supernets WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'ip_supernet.delete',
        entityType: 'ip_supernet',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  async listSubnets(query: ListQuery<PlanFilterDto, PlanSortField>): Promise<ListResult<SubnetResponseDto>> {
    const { rows, total } = await this.rows.subnets(this.db.manager, query.filter, query.sort, query.offset, query.limit);
    return new ListResult('ip-subnets', rows, total, query.offset);
  }

  getSubnet(id: number): Promise<SubnetResponseDto> {
    return this.rows.subnet(this.db.manager, id);
  }

  async createSubnet(dto: CreateSubnetDto): Promise<SubnetResponseDto> {
    const network = networkOrFail('network', dto.network);
    const gateway = this.gatewayOrFail(network, dto.gateway ?? null);
    return transactionWithRetry(this.db, async (em) => {
      const [supernet]: Record<string, unknown>[] = await em.query(
        'SELECT id, network, family, first_address, last_address FROM ip_supernets WHERE id = ? FOR UPDATE',
        [dto.supernetId],
      );
      if (!supernet)
        throw new BadInputException([{ field: 'supernetId', rule: 'exists', message: `supernet ${dto.supernetId} does not exist` }]);
      const outer = {
        family: Number(supernet.family) as 4 | 6,
        first: BigInt(String(supernet.first_address)),
        last: BigInt(String(supernet.last_address)),
      };
      if (!contains(outer, network.family, network.first) || !contains(outer, network.family, network.last)) {
        throw new BadInputException([
          {
            field: 'network',
            rule: 'insideSupernet',
            message: `network ${network.text} is not inside supernet ${String(supernet.network)}`,
          },
        ]);
      }
      await this.refuseOverlap(em, 'ip_subnets', 'network', network);
      const result: { insertId: number } = await em.query(
        `INSERT INTO ip_subnets (supernet_id, name, family, network, prefix_length, first_address, last_address, gateway, description)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          dto.supernetId,
          dto.name.trim(),
          network.family,
          network.text,
          network.prefixLength,
          toDecimal(network.first),
          toDecimal(network.last),
          gateway === null ? null : toDecimal(gateway),
          blankToNull(dto.description),
        ],
      );
      const after = await this.rows.subnet(em, result.insertId);
      await this.audit.recordAction(em, {
        action: 'ip_subnet.create',
        entityType: 'ip_subnet',
        entityId: after.id,
        before: null,
        after: { ...after },
      });
      return after;
    });
  }

  async updateSubnet(id: number, dto: UpdateSubnetDto): Promise<SubnetResponseDto> {
    const { after, servers } = await transactionWithRetry(this.db, async (em) => {
      const facts = await this.rows.subnetFacts(em, id, { lock: true });
      const before = await this.rows.subnet(em, id);
      let gateway = facts.gateway;
      if (dto.gateway !== undefined) {
        gateway = this.gatewayOrFail(facts.network, dto.gateway);
        if (gateway !== null && gateway !== facts.gateway) await this.refuseTakenGateway(em, facts, gateway);
      }
      await em.query('UPDATE ip_subnets SET name = COALESCE(?, name), gateway = ?, description = IF(?, ?, description) WHERE id = ?', [
        dto.name?.trim() ?? null,
        gateway === null ? null : toDecimal(gateway),
        dto.description !== undefined,
        blankToNull(dto.description),
        id,
      ]);
      const after = await this.rows.subnet(em, id);
      await this.audit.recordAction(em, {
        action: 'ip_subnet.update',
        entityType: 'ip_subnet',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      // The gateway is the router the DHCP servers of the subnet name.
      const servers = before.gateway === after.gateway ? [] : await this.recordServerChanges(em, id, 'ip_subnet.update');
      return { after, servers };
    });
    for (const server of servers) await this.provisioning.kickDhcpServer(server, 'ip_subnet.update');
    return after;
  }

  async deleteSubnet(id: number): Promise<SubnetResponseDto> {
    const { before, servers } = await transactionWithRetry(this.db, async (em) => {
      await this.rows.subnetFacts(em, id, { lock: true });
      const before = await this.rows.subnet(em, id);
      const [{ pools, ever }]: { pools: number; ever: number }[] = await em.query(
        `SELECT (SELECT COUNT(*) FROM ip_pools WHERE subnet_id = ?) AS pools, (SELECT COUNT(*) FROM ip_assignments WHERE subnet_id = ?) AS ever`,
        [id, id],
      );
      if (Number(pools) > 0 || Number(ever) > 0) {
        throw new ConflictException(
          IpamErrorCode.RangeInUse,
          Number(ever) > 0
            ? `Subnet ${before.network} has assignments in its history, which keep it; it can be renamed, not deleted.`
            : `Subnet ${before.network} still holds ${pools} pool(s); delete them first.`,
        );
      }
      const servers = await this.recordServerChanges(em, id, 'ip_subnet.delete');
      await em.query('DELETE FROM ip_subnets WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'ip_subnet.delete',
        entityType: 'ip_subnet',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return { before, servers };
    });
    for (const server of servers) await this.provisioning.kickDhcpServer(server, 'ip_subnet.delete');
    return before;
  }

  /** The DHCP servers of the subnet must follow its change: one outbox row each, in the change's transaction. */
  private async recordServerChanges(em: EntityManager, subnetId: number, reason: string): Promise<number[]> {
    const rows: { dhcp_server_id: number }[] = await em.query('SELECT dhcp_server_id FROM ip_subnet_dhcp_servers WHERE subnet_id = ?', [
      subnetId,
    ]);
    const servers = rows.map((r) => Number(r.dhcp_server_id));
    await this.changes.record(
      em,
      servers.map((dhcpServerId) => ({ dhcpServerId, reason })),
    );
    return servers;
  }

  async listPools(query: ListQuery<PlanFilterDto, PlanSortField>): Promise<ListResult<PoolResponseDto>> {
    const { rows, total } = await this.rows.pools(this.db.manager, query.filter, query.sort, query.offset, query.limit);
    return new ListResult('ip-pools', rows, total, query.offset);
  }

  getPool(id: number): Promise<PoolResponseDto> {
    return this.rows.pool(this.db.manager, id);
  }

  async createPool(dto: CreatePoolDto): Promise<PoolResponseDto> {
    const first = addressOrFail('firstAddress', dto.firstAddress);
    const last = addressOrFail('lastAddress', dto.lastAddress);
    return transactionWithRetry(this.db, async (em) => {
      const subnet = await this.rows.subnetFacts(em, dto.subnetId, { lock: true }).catch(() => {
        throw new BadInputException([{ field: 'subnetId', rule: 'exists', message: `subnet ${dto.subnetId} does not exist` }]);
      });
      const errors: FieldError[] = [];
      for (const [field, address] of [
        ['firstAddress', first],
        ['lastAddress', last],
      ] as const) {
        if (!contains(subnet.network, address.family, address.value)) {
          errors.push({ field, rule: 'insideSubnet', message: `${field} ${address.text} is not inside subnet ${subnet.network.text}` });
        }
      }
      if (!errors.length && first.value > last.value) {
        errors.push({ field: 'lastAddress', rule: 'order', message: `lastAddress ${last.text} comes before firstAddress ${first.text}` });
      }
      if (errors.length) throw new BadInputException(errors);
      const clash = (await this.rows.poolsOfSubnet(em, subnet.id)).find((p) => p.first <= last.value && first.value <= p.last);
      if (clash) {
        throw new ConflictException(
          IpamErrorCode.RangeOverlap,
          `The range ${first.text}–${last.text} overlaps pool ${clash.id} (${addressText(clash.family, clash.first)}–${addressText(clash.family, clash.last)}).`,
          [{ field: 'firstAddress', rule: 'noOverlap', message: `overlaps pool ${clash.id}` }],
        );
      }
      const result: { insertId: number } = await em.query(
        `INSERT INTO ip_pools (subnet_id, name, first_address, last_address, free_from, description) VALUES (?, ?, ?, ?, ?, ?)`,
        [subnet.id, dto.name.trim(), toDecimal(first.value), toDecimal(last.value), toDecimal(first.value), blankToNull(dto.description)],
      );
      const after = await this.rows.pool(em, result.insertId);
      await this.audit.recordAction(em, {
        action: 'ip_pool.create',
        entityType: 'ip_pool',
        entityId: after.id,
        before: null,
        after: { ...after },
      });
      return after;
    });
  }

  async updatePool(id: number, dto: UpdatePoolDto): Promise<PoolResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const pool = await this.rows.poolFacts(em, id);
      await this.rows.subnetFacts(em, pool.subnetId, { lock: true });
      const before = await this.rows.pool(em, id);
      await em.query('UPDATE ip_pools SET name = COALESCE(?, name), description = IF(?, ?, description) WHERE id = ?', [
        dto.name?.trim() ?? null,
        dto.description !== undefined,
        blankToNull(dto.description),
        id,
      ]);
      const after = await this.rows.pool(em, id);
      await this.audit.recordAction(em, {
        action: 'ip_pool.update',
        entityType: 'ip_pool',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async deletePool(id: number): Promise<PoolResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const pool = await this.rows.poolFacts(em, id);
      await this.rows.subnetFacts(em, pool.subnetId, { lock: true });
      const before = await this.rows.pool(em, id);
      const [{ ever }]: { ever: number }[] = await em.query('SELECT COUNT(*) AS ever FROM ip_assignments WHERE pool_id = ?', [id]);
      if (Number(ever) > 0) {
        throw new ConflictException(
          IpamErrorCode.RangeInUse,
          `Pool ${before.name} has assignments in its history, which keep it; it can be renamed, not deleted.`,
        );
      }
      await em.query('DELETE FROM ip_pools WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'ip_pool.delete',
        entityType: 'ip_pool',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  private gatewayOrFail(network: IpNetwork, text: string | null): bigint | null {
    if (text === null || !text.trim()) return null;
    const gateway = addressOrFail('gateway', text);
    if (!contains(network, gateway.family, gateway.value)) {
      throw new BadInputException([
        { field: 'gateway', rule: 'insideSubnet', message: `gateway ${gateway.text} is not inside ${network.text}` },
      ]);
    }
    if (reservedAddresses(network, null).includes(gateway.value)) {
      throw new BadInputException([
        {
          field: 'gateway',
          rule: 'hostAddress',
          message: `gateway ${gateway.text} is the network or broadcast address of ${network.text}`,
        },
      ]);
    }
    return gateway.value;
  }

  /** A gateway moved onto an address a subscriber holds would take the subscriber's address away. */
  private async refuseTakenGateway(em: EntityManager, subnet: SubnetFacts, gateway: bigint): Promise<void> {
    const [taken]: { id: number }[] = await em.query('SELECT id FROM ip_assignments WHERE family = ? AND active_address = ?', [
      subnet.network.family,
      toDecimal(gateway),
    ]);
    if (taken) {
      throw new ConflictException(
        IpamErrorCode.AddressTaken,
        `${addressText(subnet.network.family, gateway)} is assigned (assignment ${taken.id}); it cannot become the gateway.`,
        [{ field: 'gateway', rule: 'free', message: 'the address is assigned' }],
      );
    }
  }

  private async refuseOverlap(em: EntityManager, table: 'ip_supernets' | 'ip_subnets', field: string, network: IpNetwork): Promise<void> {
    const clash = await this.rows.overlapping(em, table, network.family, network.first, network.last);
    if (clash) {
      const kind = table === 'ip_supernets' ? 'supernet' : 'subnet';
      throw new ConflictException(IpamErrorCode.RangeOverlap, `${network.text} overlaps ${kind} ${clash.network} (${clash.name}).`, [
        { field, rule: 'noOverlap', message: `overlaps ${kind} ${clash.network}` },
      ]);
    }
  }

  private async refuseDuplicateName(em: EntityManager, table: 'ip_supernets', name: string, exceptId = 0): Promise<void> {
    const [row]: { id: number }[] = await em.query(`SELECT id FROM ${table} WHERE name = ? AND id <> ?`, [name.trim(), exceptId]);
    if (row) throw new BadInputException([{ field: 'name', rule: 'unique', message: `a supernet named "${name.trim()}" exists already` }]);
  }
}

function blankToNull(text: string | null | undefined): string | null {
  return text === null || text === undefined || !text.trim() ? null : text.trim();
}
