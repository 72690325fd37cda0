import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { NetworkChanges } from '../network-sync/network-changes';
import { NetworkSyncProcess } from '../network-sync/network-sync-process';
import {
  AssigneeKind,
  CreateIpAssignmentDto,
  IpAssignmentFilterDto,
  IpAssignmentResponseDto,
  IpAssignmentSortField,
  MoveIpAssignmentsDto,
  UpdateIpAssignmentDto,
} from './dto/ip-assignment.dto';
import { NextFreeAddressResponseDto } from './dto/ip-plan.dto';
import { IpAssignmentRows } from './ip-assignment-rows';
import { addressText, BITS, contains, fromDecimal, toDecimal } from '../common/ip-address';
import { PoolFacts, IpPlanRows, SubnetFacts } from './ip-plan-rows';
import { addressOrFail } from './ip-plan.service';
import { IpamErrorCode } from './ipam.error-codes';
import { releaseAddresses, takeLowestFree } from './next-free-address';

/** How long an address offered by "next free" stays kept for the clerk who asked. */
export const HOLD_MINUTES = 10;

export interface Assignee {
  kind: AssigneeKind;
  radiusAccountId: number | null;
  inventoryMacId: number | null;
  uninventoriedMacId: number | null;
  /** The MAC address of a MAC assignee, which DHCP reserves the address for. */
  mac: string | null;
}

const ACCOUNT_ITSELF: Assignee = { kind: 'account', radiusAccountId: null, inventoryMacId: null, uninventoriedMacId: null, mac: null };

/**
 * IP assignments: an address (or a whole subnet) given to an account, or to one of its RADIUS
 * accounts. Every write locks the account, then the subnet, so two clerks taking addresses from
 * one pool queue on the subnet's row; the unique key on active addresses is the last word should
 * anything slip past. Changes that touch the network go to the provisioning outbox in the same
 * transaction and wake the account's provisioning run after the commit.
 */
@Injectable()
export class IpAssignmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly plan: IpPlanRows,
    private readonly rows: IpAssignmentRows,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly changes: NetworkChanges,
    private readonly provisioning: NetworkSyncProcess,
    private readonly clock: Clock,
  ) {}

  async list(
    accountId: number,
    query: ListQuery<IpAssignmentFilterDto, IpAssignmentSortField>,
  ): Promise<ListResult<IpAssignmentResponseDto>> {
    const [account]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!account) throw new NotFoundException('Account', accountId);
    const { rows, total } = await this.rows.list(this.db.manager, accountId, query.filter, query.sort, query.offset, query.limit);
    return new ListResult('ip-assignments', rows, total, query.offset);
  }

  get(id: number): Promise<IpAssignmentResponseDto> {
    return this.rows.require(this.db.manager, id);
  }

  /** The lowest free address of the pool, kept for the asking clerk for a while so nobody else is offered it. */
  async holdNextFree(poolId: number, user: AuthenticatedUser): Promise<NextFreeAddressResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const subnet = await this.lockSubnetOfPool(em, poolId);
      const { address, pool } = await this.claimNextFree(em, subnet, poolId);
      const heldUntil = new Date(this.clock.now().getTime() + HOLD_MINUTES * 60_000);
      await em.query('INSERT INTO ip_address_holds (family, address, pool_id, held_by_user_id, expires_at) VALUES (?, ?, ?, ?, ?)', [
        subnet.network.family,
        toDecimal(address),
        pool.id,
        user.id,
        heldUntil,
      ]);
      return {
        address: addressText(subnet.network.family, address),
        poolId: pool.id,
        subnetId: subnet.id,
        heldUntil: heldUntil.toISOString(),
      };
    });
  }

  /** A held address the clerk did not use goes back to its pool at once rather than when the hold runs out. */
  async releaseHold(poolId: number, address: string, user: AuthenticatedUser): Promise<void> {
    const held = addressOrFail('address', address);
    await transactionWithRetry(this.db, async (em) => {
      const subnet = await this.plan.lockSubnetOfPool(em, poolId);
      if (!subnet) throw new NotFoundException('Pool', poolId);
      const [hold]: { held_by_user_id: number }[] = await em.query(
        'SELECT held_by_user_id FROM ip_address_holds WHERE family = ? AND address = ? AND pool_id = ? AND expires_at > ?',
        [held.family, toDecimal(held.value), poolId, this.clock.now()],
      );
      if (!hold) throw new NotFoundException('Held address', held.text);
      if (Number(hold.held_by_user_id) !== user.id) {
        throw new ConflictException(IpamErrorCode.AddressTaken, `Address ${held.text} is held by another clerk.`, [
          { field: 'address', rule: 'heldByYou', message: `address ${held.text} is held by another clerk; only they can give it back` },
        ]);
      }
      await em.query('DELETE FROM ip_address_holds WHERE family = ? AND address = ?', [held.family, toDecimal(held.value)]);
      await releaseAddresses(em, poolId, [held.value]);
    });
  }

  async create(accountId: number, dto: CreateIpAssignmentDto, user: AuthenticatedUser): Promise<IpAssignmentResponseDto> {
    const created = await transactionWithRetry(this.db, async (em) => {
      await this.accounts.lock(em, accountId);
      return this.createLocked(em, accountId, dto, user);
    });
    await this.provisioning.kick([accountId], 'ip_assignment.create');
    return created;
  }

  /** create() inside the caller's transaction, the account already locked; the caller wakes provisioning after its commit. */
  async createLocked(
    em: EntityManager,
    accountId: number,
    dto: CreateIpAssignmentDto,
    user: AuthenticatedUser,
  ): Promise<IpAssignmentResponseDto> {
    const requested = dto.address === undefined ? null : addressOrFail('address', dto.address);
    if (dto.wholeSubnet && (requested || dto.poolId !== undefined)) {
      throw new BadInputException([
        { field: 'wholeSubnet', rule: 'exclusive', message: 'wholeSubnet takes a subnetId alone, without address or poolId' },
      ]);
    }
    if (dto.wholeSubnet && dto.subnetId === undefined) {
      throw new BadInputException([{ field: 'subnetId', rule: 'required', message: 'subnetId is required to assign a whole subnet' }]);
    }
    if (!dto.wholeSubnet && !requested && dto.poolId === undefined) {
      throw new BadInputException([
        {
          field: 'address',
          rule: 'required',
          message: 'give an address, a poolId to take its next free address, or wholeSubnet with a subnetId',
        },
      ]);
    }
    const assignee = await this.assigneeOrFail(em, accountId, dto);
    let subnet: SubnetFacts;
    let pool: PoolFacts | null = null;
    let address: bigint;
    if (dto.poolId !== undefined) {
      subnet = await this.lockSubnetOfPool(em, dto.poolId);
      if (dto.subnetId !== undefined && dto.subnetId !== subnet.id) {
        throw new BadInputException([
          { field: 'subnetId', rule: 'matchesPool', message: `pool ${dto.poolId} is in subnet ${subnet.id}, not ${dto.subnetId}` },
        ]);
      }
      // Read after the lock: the pool's bounds are what the requested address is checked against.
      if (requested) pool = await this.plan.poolFacts(em, dto.poolId);
    } else {
      const subnetId = dto.subnetId ?? (requested ? await this.subnetHolding(em, requested.family, requested.value) : null);
      if (subnetId === null) {
        throw new BadInputException([
          { field: 'address', rule: 'inSubnet', message: `address ${requested?.text} is not inside any subnet of the address plan` },
        ]);
      }
      subnet = await this.plan.subnetFacts(em, subnetId, { lock: true }).catch((err: unknown) => {
        if (err instanceof NotFoundException)
          throw new BadInputException([{ field: 'subnetId', rule: 'exists', message: `subnet ${subnetId} does not exist` }]);
        throw err;
      });
    }
    if (dto.wholeSubnet) {
      if (assignee.kind === 'inventory_mac' || assignee.kind === 'uninventoried_mac') {
        throw new BadInputException([
          {
            field: 'wholeSubnet',
            rule: 'assignee',
            message: 'a whole subnet is routed to an account or a RADIUS account, not to a MAC address',
          },
        ]);
      }
      await this.refuseBusySubnet(em, subnet);
      address = subnet.network.first;
    } else if (requested) {
      address = await this.checkRequested(em, subnet, pool, requested, user);
      pool ??= await this.plan.poolHolding(em, subnet.id, address);
    } else {
      ({ address, pool } = await this.claimNextFree(em, subnet, dto.poolId as number));
    }
    await this.refuseWholeSubnetTaken(em, subnet, dto.wholeSubnet === true);
    if (assignee.kind !== 'account' && !dto.wholeSubnet) await this.refuseSecondAddress(em, assignee, subnet);

    const id = await this.insert(em, {
      accountId,
      subnet,
      poolId: pool?.id ?? null,
      address,
      prefixLength: dto.wholeSubnet ? subnet.network.prefixLength : BITS[subnet.network.family],
      covers: dto.wholeSubnet ? 'subnet' : 'address',
      assignee,
      soft: dto.soft ?? false,
      description: dto.description?.trim() || null,
      userId: user.id,
    });
    const after = await this.rows.require(em, id);
    await this.audit.recordAction(em, {
      action: 'ip_assignment.create',
      entityType: 'ip_assignment',
      entityId: id,
      accountId,
      before: null,
      after: { ...after },
    });
    await this.recordNetworkChange(em, [after], 'ip_assignment.create');
    return after;
  }

  /**
   * A new assignee is a move: the assignment ends and a new one starts with the same address, so
   * the history shows who held it when. Soft and description change in place.
   */
  async update(id: number, dto: UpdateIpAssignmentDto, user: AuthenticatedUser): Promise<IpAssignmentResponseDto> {
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new BadInputException([
        { field: 'body', rule: 'nothingToChange', message: 'give at least one of assignee, radiusAccountId, soft, description' },
      ]);
    }
    const { after, accountId } = await transactionWithRetry(this.db, async (em) => {
      const before = await this.loadActiveLocked(em, id);
      const subnet = await this.plan.subnetFacts(em, before.subnetId, { lock: true });
      const moving =
        (dto.assignee !== undefined && dto.assignee !== before.assignee) ||
        (dto.radiusAccountId !== undefined && dto.radiusAccountId !== before.radiusAccountId) ||
        (dto.inventoryMacId !== undefined && dto.inventoryMacId !== before.inventoryMacId) ||
        (dto.uninventoriedMacId !== undefined && dto.uninventoriedMacId !== before.uninventoriedMacId);
      let resultId = id;
      if (moving) {
        // A new kind of assignee takes its id from the request alone; the same kind keeps the one not given.
        const sameKind = dto.assignee === undefined || dto.assignee === before.assignee;
        const assignee = await this.assigneeOrFail(em, before.accountId, {
          assignee: dto.assignee ?? before.assignee,
          radiusAccountId: dto.radiusAccountId ?? (sameKind ? (before.radiusAccountId ?? undefined) : undefined),
          inventoryMacId: dto.inventoryMacId ?? (sameKind ? (before.inventoryMacId ?? undefined) : undefined),
          uninventoriedMacId: dto.uninventoriedMacId ?? (sameKind ? (before.uninventoriedMacId ?? undefined) : undefined),
        });
        if (before.covers === 'subnet' && (assignee.kind === 'inventory_mac' || assignee.kind === 'uninventoried_mac')) {
          throw new BadInputException([
            {
              field: 'assignee',
              rule: 'assignee',
              message: 'a whole subnet is routed to an account or a RADIUS account, not to a MAC address',
            },
          ]);
        }
        await this.end(em, id, user.id, { keepMac: before.uninventoriedMacId === assignee.uninventoriedMacId });
        if (assignee.kind !== 'account' && before.covers === 'address') await this.refuseSecondAddress(em, assignee, subnet);
        resultId = await this.insert(em, {
          accountId: before.accountId,
          subnet,
          poolId: before.poolId,
          address: (await this.rows.addressOf(em, id)).value,
          prefixLength: (await this.rows.addressOf(em, id)).prefixLength,
          covers: before.covers,
          assignee,
          soft: dto.soft ?? before.soft,
          description: dto.description === undefined ? before.description : dto.description?.trim() || null,
          userId: user.id,
        });
      } else {
        await em.query('UPDATE ip_assignments SET soft = ?, description = ? WHERE id = ?', [
          dto.soft ?? before.soft,
          dto.description === undefined ? before.description : dto.description?.trim() || null,
          id,
        ]);
      }
      const after = await this.rows.require(em, resultId);
      await this.audit.recordAction(em, {
        action: moving ? 'ip_assignment.move' : 'ip_assignment.update',
        entityType: 'ip_assignment',
        entityId: resultId,
        accountId: before.accountId,
        before: { ...before },
        after: { ...after },
      });
      await this.recordNetworkChange(em, [before, after], moving ? 'ip_assignment.move' : 'ip_assignment.update');
      return { after, accountId: before.accountId };
    });
    await this.provisioning.kick([accountId], 'ip_assignment.update');
    return after;
  }

  async remove(id: number, user: AuthenticatedUser): Promise<IpAssignmentResponseDto> {
    const after = await transactionWithRetry(this.db, async (em) => {
      const before = await this.loadActiveLocked(em, id);
      const after = await this.removeLocked(em, before, user);
      await this.recordNetworkChange(em, [before], 'ip_assignment.remove');
      return after;
    });
    await this.provisioning.kick([after.accountId], 'ip_assignment.remove');
    return after;
  }

  /**
   * Ends every active assignment of an uninventoried MAC address, which is going itself, inside
   * the caller's transaction (the account locked); the caller records the network change.
   */
  async removeAllOfUninventoriedMacLocked(em: EntityManager, accountId: number, macId: number, user: AuthenticatedUser): Promise<void> {
    for (const before of (await this.rows.activeOf(em, accountId)).filter((a) => a.uninventoriedMacId === macId)) {
      await this.removeLocked(em, before, user, { keepMac: true });
    }
  }

  /** The end of an active assignment, under its subnet's lock, audited; the account is locked. */
  private async removeLocked(
    em: EntityManager,
    before: IpAssignmentResponseDto,
    user: AuthenticatedUser,
    opts: { keepMac?: boolean } = {},
  ): Promise<IpAssignmentResponseDto> {
    await this.plan.subnetFacts(em, before.subnetId, { lock: true });
    await this.end(em, before.id, user.id, opts);
    const after = await this.rows.require(em, before.id);
    await this.audit.recordAction(em, {
      action: 'ip_assignment.remove',
      entityType: 'ip_assignment',
      entityId: before.id,
      accountId: before.accountId,
      before: { ...before },
      after: { ...after },
    });
    return after;
  }

  /** Every active assignment of the account goes to another account, as assignments to that account itself. */
  async moveAll(accountId: number, dto: MoveIpAssignmentsDto, user: AuthenticatedUser): Promise<IpAssignmentResponseDto[]> {
    if (dto.toAccountId === accountId) {
      throw new BadInputException([{ field: 'toAccountId', rule: 'otherAccount', message: 'toAccountId must be another account' }]);
    }
    const moved = await transactionWithRetry(this.db, async (em) => {
      // Both families in id order, so two opposite moves queue instead of deadlocking.
      for (const id of [accountId, dto.toAccountId].sort((a, b) => a - b)) {
        await this.accounts.lock(em, id).catch((err: unknown) => {
          if (err instanceof NotFoundException && id === dto.toAccountId) {
            throw new BadInputException([{ field: 'toAccountId', rule: 'exists', message: `account ${id} does not exist` }]);
          }
          throw err;
        });
      }
      const active = await this.rows.activeOf(em, accountId);
      const result: IpAssignmentResponseDto[] = [];
      for (const before of active.sort((a, b) => a.subnetId - b.subnetId)) {
        const subnet = await this.plan.subnetFacts(em, before.subnetId, { lock: true });
        const { value, prefixLength } = await this.rows.addressOf(em, before.id);
        await this.end(em, before.id, user.id);
        const newId = await this.insert(em, {
          accountId: dto.toAccountId,
          subnet,
          poolId: before.poolId,
          address: value,
          prefixLength,
          covers: before.covers,
          assignee: ACCOUNT_ITSELF,
          soft: before.soft,
          description: before.description,
          userId: user.id,
        });
        const after = await this.rows.require(em, newId);
        await this.audit.recordAction(em, {
          action: 'ip_assignment.move',
          entityType: 'ip_assignment',
          entityId: newId,
          accountId: dto.toAccountId,
          before: { ...before },
          after: { ...after },
        });
        await this.recordNetworkChange(em, [before, after], 'ip_assignment.move');
        result.push(after);
      }
      return result;
    });
    await this.provisioning.kick([accountId, dto.toAccountId], 'ip_assignment.move');
    return moved;
  }

  private async insert(
    em: EntityManager,
    a: {
      accountId: number;
      subnet: SubnetFacts;
      poolId: number | null;
      address: bigint;
      prefixLength: number;
      covers: 'address' | 'subnet';
      assignee: Assignee;
      soft: boolean;
      description: string | null;
      userId: number;
    },
  ): Promise<number> {
    try {
      const result: { insertId: number } = await em.query(
        `INSERT INTO ip_assignments (account_id, subnet_id, pool_id, family, address, prefix_length, covers, assignee, radius_account_id,
           inventory_mac_id, uninventoried_mac_id, mac, soft, description, assigned_at, assigned_by_user_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          a.accountId,
          a.subnet.id,
          a.poolId,
          a.subnet.network.family,
          toDecimal(a.address),
          a.prefixLength,
          a.covers,
          a.assignee.kind,
          a.assignee.radiusAccountId,
          a.assignee.inventoryMacId,
          a.assignee.uninventoriedMacId,
          a.assignee.mac,
          a.soft,
          a.description,
          this.clock.now(),
          a.userId,
        ],
      );
      // The address is the assignment's now; a hold on it (the clerk's own, checked before) is spent.
      await em.query('DELETE FROM ip_address_holds WHERE family = ? AND address = ?', [a.subnet.network.family, toDecimal(a.address)]);
      return result.insertId;
    } catch (err) {
      if (isDuplicateKey(err)) throw this.taken(addressText(a.subnet.network.family, a.address));
      throw err;
    }
  }

  /** Stamps the end; the address goes back to its pool, for the next "next free" there. */
  private async end(em: EntityManager, id: number, userId: number, opts: { keepMac?: boolean } = {}): Promise<void> {
    await em.query('UPDATE ip_assignments SET removed_at = ?, removed_by_user_id = ? WHERE id = ? AND removed_at IS NULL', [
      this.clock.now(),
      userId,
      id,
    ]);
    // An uninventoried MAC lives as long as an address assigned to it: its last one gone, it goes too.
    if (!opts.keepMac) {
      await em.query(
        `UPDATE uninventoried_macs u JOIN ip_assignments a ON a.uninventoried_mac_id = u.id SET u.removed_at = ?
          WHERE a.id = ? AND u.removed_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM ip_assignments o WHERE o.uninventoried_mac_id = u.id AND o.removed_at IS NULL)`,
        [this.clock.now(), id],
      );
    }
    const [ended]: { pool_id: number | null; address: unknown; covers: string }[] = await em.query(
      'SELECT pool_id, address, covers FROM ip_assignments WHERE id = ?',
      [id],
    );
    if (ended?.pool_id && ended.covers === 'address') await releaseAddresses(em, Number(ended.pool_id), [fromDecimal(ended.address)]);
  }

  private async claimNextFree(em: EntityManager, subnet: SubnetFacts, poolId: number): Promise<{ address: bigint; pool: PoolFacts }> {
    const next = await takeLowestFree(em, subnet, poolId, this.clock.now());
    if (next.kind === 'wholeSubnet') throw this.assignedWhole(subnet, next.accountId, false);
    if (next.kind === 'exhausted') {
      throw new ConflictException(IpamErrorCode.PoolExhausted, `Pool ${poolId} has no free address left.`, [
        { field: 'poolId', rule: 'free', message: 'no free address is left in the pool' },
      ]);
    }
    return { address: next.address, pool: next.pool };
  }

  private async checkRequested(
    em: EntityManager,
    subnet: SubnetFacts,
    pool: PoolFacts | null,
    requested: { family: 4 | 6; value: bigint; text: string },
    user: AuthenticatedUser,
  ): Promise<bigint> {
    if (!contains(subnet.network, requested.family, requested.value)) {
      throw new BadInputException([
        { field: 'address', rule: 'inSubnet', message: `address ${requested.text} is not inside subnet ${subnet.network.text}` },
      ]);
    }
    if (pool && (requested.value < pool.first || requested.value > pool.last)) {
      throw new BadInputException([
        { field: 'address', rule: 'inPool', message: `address ${requested.text} is not inside pool ${pool.id}` },
      ]);
    }
    if (subnet.reserved.includes(requested.value)) {
      throw new BadInputException([
        {
          field: 'address',
          rule: 'hostAddress',
          message: `address ${requested.text} is reserved in ${subnet.network.text} (network, broadcast or gateway)`,
        },
      ]);
    }
    const [hold]: { held_by_user_id: number; expires_at: Date }[] = await em.query(
      'SELECT held_by_user_id, expires_at FROM ip_address_holds WHERE family = ? AND address = ? AND expires_at > ?',
      [requested.family, toDecimal(requested.value), this.clock.now()],
    );
    if (hold && Number(hold.held_by_user_id) !== user.id) {
      throw new ConflictException(
        IpamErrorCode.AddressTaken,
        `${requested.text} is held for another clerk until ${hold.expires_at.toISOString()}.`,
        [{ field: 'address', rule: 'free', message: 'held for another clerk' }],
      );
    }
    const [taken]: { id: number }[] = await em.query('SELECT id FROM ip_assignments WHERE family = ? AND active_address = ?', [
      requested.family,
      toDecimal(requested.value),
    ]);
    if (taken) throw this.taken(requested.text, Number(taken.id));
    return requested.value;
  }

  private taken(text: string, byId?: number): ConflictException {
    return new ConflictException(IpamErrorCode.AddressTaken, `${text} is assigned already${byId ? ` (assignment ${byId})` : ''}.`, [
      { field: 'address', rule: 'free', message: `${text} is assigned already` },
    ]);
  }

  /** A subnet routed whole to a subscriber lends none of its addresses to anyone else, and the other way round. */
  private async refuseWholeSubnetTaken(em: EntityManager, subnet: SubnetFacts, wanted: boolean): Promise<void> {
    // A whole subnet is assigned at its network address, so one key lookup finds it.
    const [whole]: { account_id: number }[] = await em.query(
      `SELECT account_id FROM ip_assignments WHERE family = ? AND active_address = ? AND covers = 'subnet'`,
      [subnet.network.family, toDecimal(subnet.network.first)],
    );
    if (whole) throw this.assignedWhole(subnet, Number(whole.account_id), wanted);
  }

  private assignedWhole(subnet: SubnetFacts, accountId: number, wanted: boolean): ConflictException {
    return new ConflictException(IpamErrorCode.AddressTaken, `Subnet ${subnet.network.text} is assigned whole to account ${accountId}.`, [
      { field: wanted ? 'subnetId' : 'address', rule: 'free', message: `subnet ${subnet.network.text} is assigned whole` },
    ]);
  }

  private async refuseBusySubnet(em: EntityManager, subnet: SubnetFacts): Promise<void> {
    const [{ n }]: { n: number }[] = await em.query(
      `SELECT COUNT(*) AS n FROM ip_assignments WHERE subnet_id = ? AND covers = 'address' AND removed_at IS NULL`,
      [subnet.id],
    );
    if (Number(n) > 0) {
      throw new ConflictException(
        IpamErrorCode.AddressTaken,
        `Subnet ${subnet.network.text} has ${n} address(es) assigned; it cannot be assigned whole.`,
        [{ field: 'subnetId', rule: 'free', message: `${n} address(es) of the subnet are assigned` }],
      );
    }
  }

  /** A RADIUS session or a DHCP client has one address per family: a second would never be handed out. */
  private async refuseSecondAddress(em: EntityManager, assignee: Assignee, subnet: SubnetFacts): Promise<void> {
    const column = {
      radius_account: 'radius_account_id',
      inventory_mac: 'inventory_mac_id',
      uninventoried_mac: 'uninventoried_mac_id',
      account: null,
    }[assignee.kind];
    if (!column) return;
    const field = { radius_account: 'radiusAccountId', inventory_mac: 'inventoryMacId', uninventoried_mac: 'uninventoriedMacId' }[
      assignee.kind as Exclude<AssigneeKind, 'account'>
    ];
    const [other]: { id: number }[] = await em.query(
      `SELECT id FROM ip_assignments WHERE ${column} = ? AND family = ? AND covers = 'address' AND removed_at IS NULL`,
      [assignee.radiusAccountId ?? assignee.inventoryMacId ?? assignee.uninventoriedMacId, subnet.network.family],
    );
    if (other) {
      throw new ConflictException(
        IpamErrorCode.AddressTaken,
        `It already has an IPv${subnet.network.family} address (assignment ${other.id}); remove or move it first.`,
        [{ field, rule: 'oneAddress', message: `already has an IPv${subnet.network.family} address` }],
      );
    }
  }

  private async assigneeOrFail(
    em: EntityManager,
    accountId: number,
    given: { assignee: AssigneeKind; radiusAccountId?: number; inventoryMacId?: number; uninventoriedMacId?: number },
  ): Promise<Assignee> {
    const ids = { radius_account: 'radiusAccountId', inventory_mac: 'inventoryMacId', uninventoried_mac: 'uninventoriedMacId' } as const;
    for (const [kind, field] of Object.entries(ids)) {
      if (kind !== given.assignee && given[field] !== undefined) {
        throw new BadInputException([{ field, rule: 'assignee', message: `${field} goes with assignee ${kind} only` }]);
      }
    }
    if (given.assignee === 'account') return ACCOUNT_ITSELF;
    const field = ids[given.assignee];
    const id = given[field];
    if (id === undefined)
      throw new BadInputException([{ field, rule: 'required', message: `${field} is required for assignee ${given.assignee}` }]);
    const [row]: { account_id: number | null; mac?: string }[] =
      given.assignee === 'radius_account'
        ? await em.query('SELECT account_id FROM radius_accounts WHERE id = ?', [id])
        : given.assignee === 'inventory_mac'
          ? await em.query('SELECT i.account_id, x.mac FROM inventory_macs x JOIN inventory_items i ON i.id = x.item_id WHERE x.id = ?', [
              id,
            ])
          : await em.query('SELECT account_id, mac FROM uninventoried_macs WHERE id = ? AND removed_at IS NULL', [id]);
    if (!row || Number(row.account_id) !== accountId) {
      const what = {
        radius_account: 'RADIUS account',
        inventory_mac: 'inventory MAC address',
        uninventoried_mac: 'uninventoried MAC address',
      }[given.assignee];
      throw new BadInputException([{ field, rule: 'ofAccount', message: `${what} ${id} does not belong to account ${accountId}` }]);
    }
    return {
      ...ACCOUNT_ITSELF,
      kind: given.assignee,
      radiusAccountId: given.assignee === 'radius_account' ? id : null,
      inventoryMacId: given.assignee === 'inventory_mac' ? id : null,
      uninventoriedMacId: given.assignee === 'uninventoried_mac' ? id : null,
      mac: row.mac ?? null,
    };
  }

  /** The lock every assignment in a subnet takes, found from one of its pools. */
  private async lockSubnetOfPool(em: EntityManager, poolId: number): Promise<SubnetFacts> {
    const subnet = await this.plan.lockSubnetOfPool(em, poolId);
    if (!subnet) throw new BadInputException([{ field: 'poolId', rule: 'exists', message: `pool ${poolId} does not exist` }]);
    return subnet;
  }

  private async subnetHolding(em: EntityManager, family: 4 | 6, value: bigint): Promise<number | null> {
    const [row]: { id: number }[] = await em.query(
      'SELECT id FROM ip_subnets WHERE family = ? AND first_address <= ? AND last_address >= ? ORDER BY prefix_length DESC LIMIT 1',
      [family, toDecimal(value), toDecimal(value)],
    );
    return row ? Number(row.id) : null;
  }

  private async loadActiveLocked(em: EntityManager, id: number): Promise<IpAssignmentResponseDto> {
    const accountId = await this.rows.accountOf(em, id);
    if (accountId === null) throw new NotFoundException('IP assignment', id);
    await this.accounts.lock(em, accountId);
    const current = await this.rows.require(em, id);
    if (!current.active) {
      throw new ConflictException(
        IpamErrorCode.AssignmentRemoved,
        `Assignment ${id} was removed at ${current.removedAt}; it is history now.`,
      );
    }
    return current;
  }

  /** The pass recomputes the account; a MAC a change touched is named, so a reservation it no longer has is removed. */
  private async recordNetworkChange(em: EntityManager, touched: IpAssignmentResponseDto[], reason: string): Promise<void> {
    const seen = new Set<string>();
    const changes = touched
      .map((a) => ({ accountId: a.accountId, reason, ...(a.mac && { mac: a.mac }) }))
      .filter((c) => {
        const key = `${c.accountId}/${c.mac ?? ''}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    await this.changes.record(em, changes);
  }
}
