import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { addressText, fromDecimal, type IpFamily } from '../common/ip-address';
import { normalizeMac } from '../common/mac-address';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { NetworkChanges } from '../network-sync/network-changes';
import { NetworkSyncProcess } from '../network-sync/network-sync-process';
import { CreateUninventoriedMacDto, UninventoriedMacResponseDto } from './dto/ip-assignment.dto';
import { IpAssignmentsService } from './ip-assignments.service';
import { IpamErrorCode } from './ipam.error-codes';

/**
 * MAC addresses kept on an account without an inventory item (a subscriber's own router, say).
 * One lives as long as an address assigned to it: removing its last address removes it too
 * (IpAssignmentsService stamps it), and deleting it removes its addresses.
 */
@Injectable()
export class UninventoriedMacsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountLockService,
    private readonly assignments: IpAssignmentsService,
    private readonly audit: AuditService,
    private readonly changes: NetworkChanges,
    private readonly provisioning: NetworkSyncProcess,
    private readonly clock: Clock,
  ) {}

  async list(accountId: number): Promise<UninventoriedMacResponseDto[]> {
    const [account]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!account) throw new NotFoundException('Account', accountId);
    return this.read(this.db.manager, 'u.account_id = ? AND u.removed_at IS NULL', [accountId]);
  }

  async create(accountId: number, dto: CreateUninventoriedMacDto, user: AuthenticatedUser): Promise<UninventoriedMacResponseDto> {
    const mac = normalizeMac(dto.mac);
    if (!mac)
      throw new BadInputException([
        { field: 'mac', rule: 'macAddress', message: `mac must be a MAC address like 00:1a:2b:3c:4d:5e (got "${dto.mac}")` },
      ]);
    const created = await transactionWithRetry(this.db, async (em) => {
      await this.accounts.lock(em, accountId);
      const [item]: { id: number }[] = await em.query('SELECT item_id AS id FROM inventory_macs WHERE mac = ?', [mac]);
      if (item) throw this.taken(mac, `inventory item ${item.id} has it`);
      let id: number;
      try {
        id = (
          await em.query('INSERT INTO uninventoried_macs (account_id, mac, description) VALUES (?, ?, ?)', [
            accountId,
            mac,
            dto.description?.trim() || null,
          ])
        ).insertId as number;
      } catch (err) {
        if (isDuplicateKey(err)) throw this.taken(mac, 'another account has it');
        throw err;
      }
      if (dto.poolId !== undefined || dto.address !== undefined) {
        await this.assignments.createLocked(
          em,
          accountId,
          { assignee: 'uninventoried_mac', uninventoriedMacId: id, poolId: dto.poolId, address: dto.address },
          user,
        );
      }
      const [after] = await this.read(em, 'u.id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'uninventoried_mac.create',
        entityType: 'uninventoried_mac',
        entityId: id,
        accountId,
        before: null,
        after: { ...after },
      });
      return after;
    });
    await this.provisioning.kick([accountId], 'uninventoried_mac.create');
    return created;
  }

  async delete(id: number, user: AuthenticatedUser): Promise<UninventoriedMacResponseDto> {
    const before = await transactionWithRetry(this.db, async (em) => {
      const [row]: { account_id: number }[] = await em.query(
        'SELECT account_id FROM uninventoried_macs WHERE id = ? AND removed_at IS NULL',
        [id],
      );
      if (!row) throw new NotFoundException('Uninventoried MAC address', id);
      await this.accounts.lock(em, Number(row.account_id));
      const [before] = await this.read(em, 'u.id = ? AND u.removed_at IS NULL', [id]);
      if (!before) throw new NotFoundException('Uninventoried MAC address', id);
      await this.assignments.removeAllOfUninventoriedMacLocked(em, before.accountId, id, user);
      await em.query('UPDATE uninventoried_macs SET removed_at = ? WHERE id = ?', [this.clock.now(), id]);
      await this.audit.recordAction(em, {
        action: 'uninventoried_mac.delete',
        entityType: 'uninventoried_mac',
        entityId: id,
        accountId: before.accountId,
        before: { ...before },
        after: null,
      });
      await this.changes.record(em, [{ accountId: before.accountId, reason: 'uninventoried_mac.delete', mac: before.mac }]);
      return before;
    });
    await this.provisioning.kick([before.accountId], 'uninventoried_mac.delete');
    return before;
  }

  private taken(mac: string, why: string): ConflictException {
    return new ConflictException(IpamErrorCode.AddressTaken, `The MAC address ${mac} is in use: ${why}.`, [
      { field: 'mac', rule: 'unique', message: `${mac} is in use` },
    ]);
  }

  private async read(em: EntityManager, where: string, params: unknown[]): Promise<UninventoriedMacResponseDto[]> {
    const rows: Record<string, unknown>[] = await em.query(`SELECT u.* FROM uninventoried_macs u WHERE ${where} ORDER BY u.mac`, params);
    if (!rows.length) return [];
    const assigned: { uninventoried_mac_id: number; family: number; address: unknown }[] = await em.query(
      'SELECT uninventoried_mac_id, family, address FROM ip_assignments WHERE uninventoried_mac_id IN (?) AND removed_at IS NULL ORDER BY family, address',
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      accountId: Number(r.account_id),
      mac: r.mac as string,
      description: (r.description as string | null) ?? null,
      ipAddresses: assigned
        .filter((a) => Number(a.uninventoried_mac_id) === Number(r.id))
        .map((a) => addressText(Number(a.family) as IpFamily, fromDecimal(a.address))),
      createdAt: (r.created_at as Date).toISOString(),
      removedAt: r.removed_at === null ? null : (r.removed_at as Date).toISOString(),
    }));
  }
}
