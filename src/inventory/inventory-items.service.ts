import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { addressText, fromDecimal, type IpFamily } from '../common/ip-address';
import { ListQuery, ListResult } from '../common/list-query';
import { normalizeMac } from '../common/mac-address';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import {
  ConnectedDeviceResponseDto,
  CreateItemDto,
  FieldValueDto,
  ItemAssigneeDto,
  ItemFilterDto,
  ItemResponseDto,
  ItemSortField,
  UpdateItemDto,
} from './dto/inventory-item.dto';
import { InventoryErrorCode } from './inventory.error-codes';
import { likeContains } from '../common/sql-like';

const SORT: Record<ItemSortField, string> = {
  id: 'i.id',
  serial: 'i.serial',
  model: 'd.name',
  status: 'i.status',
  updatedAt: 'i.updated_at',
};

/**
 * Inventory items: a model's unit with its serial, MAC addresses and field values, kept at a stock
 * location or deployed at an account. Changes on an account's item lock the account, so they queue
 * with its IP assignments, which point at the item's MAC addresses.
 */
@Injectable()
export class InventoryItemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: ListQuery<ItemFilterDto, ItemSortField>): Promise<ListResult<ItemResponseDto>> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    const f = query.filter;
    if (f.q?.trim()) {
      const mac = normalizeMac(f.q);
      where.push(`(i.serial LIKE ? OR EXISTS (SELECT 1 FROM inventory_macs x WHERE x.item_id = i.id AND x.mac ${mac ? '= ?' : 'LIKE ?'}))`);
      params.push(likeContains(f.q.trim()), mac ?? likeContains(f.q.trim().toLowerCase()));
    }
    for (const [value, column] of [
      [f.modelId, 'i.model_id'],
      [f.status, 'i.status'],
      [f.accountId, 'i.account_id'],
      [f.stockLocationId, 'i.stock_location_id'],
    ] as const) {
      if (value !== undefined) {
        where.push(`${column} = ?`);
        params.push(value);
      }
    }
    if (f.id?.length) {
      where.push('i.id IN (?)');
      params.push(f.id);
    }
    const clause = where.join(' AND ');
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM inventory_items i WHERE ${clause}`, params);
    const ids: { id: number }[] = await this.db.query(
      `SELECT i.id FROM inventory_items i JOIN inventory_models d ON d.id = i.model_id WHERE ${clause}
        ORDER BY ${SORT[query.sort.field]} ${query.sort.order}, i.id LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult(
      'inventory-items',
      await this.items(
        this.db.manager,
        ids.map((r) => Number(r.id)),
      ),
      Number(n),
      query.offset,
    );
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<ItemResponseDto> {
    const [item] = await this.items(em, [id]);
    if (!item) throw new NotFoundException('Inventory item', id);
    return item;
  }

  async create(dto: CreateItemDto): Promise<ItemResponseDto> {
    if ((dto.accountId === undefined) === (dto.stockLocationId === undefined)) {
      throw new BadInputException([{ field: 'stockLocationId', rule: 'oneOf', message: 'give either stockLocationId or accountId' }]);
    }
    return transactionWithRetry(this.db, async (em) => {
      if (dto.accountId !== undefined) await this.lockAccountOrFail(em, dto.accountId, 'accountId');
      else await this.locationOrFail(em, dto.stockLocationId as number);
      const model = await this.modelOrFail(em, dto.modelId);
      const macs = this.macsOrFail(dto.macs ?? [], model.macCount);
      const serial = dto.serial?.trim() || null;
      if (model.serialRequired && !serial)
        throw new BadInputException([{ field: 'serial', rule: 'required', message: `a ${model.name} needs its serial number` }]);
      if (macs.length) {
        const [loose]: { mac: string; account_id: number }[] = await em.query(
          'SELECT mac, account_id FROM uninventoried_macs WHERE active_mac IN (?)',
          [macs],
        );
        if (loose) throw this.duplicate('macs', `The MAC address ${loose.mac}, kept uninventoried on account ${loose.account_id},`);
      }
      let id: number;
      try {
        id = (
          await em.query(
            'INSERT INTO inventory_items (model_id, serial, status, account_id, stock_location_id, notes) VALUES (?, ?, ?, ?, ?, ?)',
            [
              model.id,
              serial,
              dto.accountId !== undefined ? 'deployed' : 'in_stock',
              dto.accountId ?? null,
              dto.stockLocationId ?? null,
              dto.notes?.trim() || null,
            ],
          )
        ).insertId as number;
        for (const [position, mac] of macs.entries())
          await em.query('INSERT INTO inventory_macs (item_id, position, mac) VALUES (?, ?, ?)', [id, position, mac]);
      } catch (err) {
        if (isDuplicateKey(err, 'ux_inventory_items_serial')) throw this.duplicate('serial', `A ${model.name} with serial ${serial}`);
        if (isDuplicateKey(err, 'ux_inventory_macs_mac')) throw this.duplicate('macs', 'An item with one of those MAC addresses');
        throw err;
      }
      await this.writeFieldValues(em, id, model.id, dto.fieldValues ?? [], true);
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'inventory_item.create',
        entityType: 'inventory_item',
        entityId: id,
        accountId: after.accountId,
        before: null,
        after: { ...after },
      });
      return after;
    });
  }

  async update(id: number, dto: UpdateItemDto): Promise<ItemResponseDto> {
    if (Object.values(dto).every((v) => v === undefined)) {
      throw new BadInputException([
        { field: 'body', rule: 'nothingToChange', message: 'give at least one of serial, fieldValues, status, notes' },
      ]);
    }
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.loadLocked(em, id);
      const model = await this.modelOrFail(em, before.modelId);
      if (dto.serial !== undefined && model.serialRequired && !dto.serial?.trim()) {
        throw new BadInputException([{ field: 'serial', rule: 'required', message: `a ${model.name} needs its serial number` }]);
      }
      if (dto.status === 'deployed' && before.accountId === null) {
        throw new BadInputException([{ field: 'status', rule: 'assignee', message: 'an item is deployed by assigning it to an account' }]);
      }
      if (dto.status === 'in_stock' && before.stockLocationId === null) {
        throw new BadInputException([
          { field: 'status', rule: 'assignee', message: 'an item is back in stock by assigning it to a stock location' },
        ]);
      }
      try {
        await em.query(
          'UPDATE inventory_items SET serial = IF(?, ?, serial), status = COALESCE(?, status), notes = IF(?, ?, notes) WHERE id = ?',
          [
            dto.serial !== undefined,
            dto.serial?.trim() || null,
            dto.status ?? null,
            dto.notes !== undefined,
            dto.notes?.trim() || null,
            id,
          ],
        );
      } catch (err) {
        if (isDuplicateKey(err, 'ux_inventory_items_serial')) throw this.duplicate('serial', `A ${model.name} with serial ${dto.serial}`);
        throw err;
      }
      if (dto.fieldValues) await this.writeFieldValues(em, id, model.id, dto.fieldValues, false);
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'inventory_item.update',
        entityType: 'inventory_item',
        entityId: id,
        accountId: after.accountId ?? before.accountId,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /**
   * A new holder: an account (deployed there) or a stock location (back in stock). An item whose
   * MAC addresses hold IP addresses keeps them on its account: they must be removed or moved first,
   * or the subscriber's reservation would follow the box to the shelf.
   */
  async changeAssignee(id: number, dto: ItemAssigneeDto): Promise<ItemResponseDto> {
    if ((dto.accountId === undefined) === (dto.stockLocationId === undefined)) {
      throw new BadInputException([{ field: 'stockLocationId', rule: 'oneOf', message: 'give either stockLocationId or accountId' }]);
    }
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.loadLocked(em, id, dto.accountId);
      if (dto.stockLocationId !== undefined) await this.locationOrFail(em, dto.stockLocationId);
      const held = before.macs.flatMap((m) => m.ipAddresses);
      if (held.length && dto.accountId !== before.accountId) {
        throw new ConflictException(
          InventoryErrorCode.InUse,
          `The item's MAC addresses still hold ${held.join(', ')}; remove or move those assignments first.`,
          [
            {
              field: dto.accountId !== undefined ? 'accountId' : 'stockLocationId',
              rule: 'addressesHeld',
              message: `its MACs hold ${held.join(', ')}`,
            },
          ],
        );
      }
      await em.query('UPDATE inventory_items SET account_id = ?, stock_location_id = ?, status = ? WHERE id = ?', [
        dto.accountId ?? null,
        dto.stockLocationId ?? null,
        dto.accountId !== undefined ? 'deployed' : before.status === 'deployed' ? 'in_stock' : before.status,
        id,
      ]);
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'inventory_item.assign',
        entityType: 'inventory_item',
        entityId: id,
        accountId: after.accountId ?? before.accountId,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async connectedDevices(id: number): Promise<ConnectedDeviceResponseDto[]> {
    await this.get(id);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT c.mac, c.first_seen_at, c.last_seen_at, x.item_id, d.name AS model_name, i.serial
         FROM inventory_connected_devices c
         LEFT JOIN inventory_macs x ON x.mac = c.mac
         LEFT JOIN inventory_items i ON i.id = x.item_id
         LEFT JOIN inventory_models d ON d.id = i.model_id
        WHERE c.item_id = ? ORDER BY c.last_seen_at DESC, c.mac`,
      [id],
    );
    return rows.map((r) => ({
      mac: r.mac as string,
      itemId: r.item_id === null ? null : Number(r.item_id),
      itemLabel: r.item_id === null ? null : `${String(r.model_name)}${r.serial ? ` ${String(r.serial)}` : ''}`,
      firstSeenAt: (r.first_seen_at as Date).toISOString(),
      lastSeenAt: (r.last_seen_at as Date).toISOString(),
    }));
  }

  /** A MAC address seen behind the item (by a router's report or a technician): kept with when it was first and last seen. */
  async reportConnectedDevice(id: number, macText: string): Promise<ConnectedDeviceResponseDto[]> {
    const mac = normalizeMac(macText);
    if (!mac)
      throw new BadInputException([
        { field: 'mac', rule: 'macAddress', message: `mac must be a MAC address like 00:1a:2b:3c:4d:5e (got "${macText}")` },
      ]);
    await this.get(id);
    const now = this.clock.now();
    await this.db.query(
      `INSERT INTO inventory_connected_devices (item_id, mac, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE last_seen_at = VALUES(last_seen_at)`,
      [id, mac, now, now],
    );
    return this.connectedDevices(id);
  }

  private duplicate(field: string, what: string): ConflictException {
    return new ConflictException(InventoryErrorCode.Duplicate, `${what} exists already.`, [
      { field, rule: 'unique', message: `${what} exists already` },
    ]);
  }

  /** Locks the item's account (and the new account, in id order) and reads the item again under the lock. */
  private async loadLocked(em: EntityManager, id: number, newAccountId?: number): Promise<ItemResponseDto> {
    const [row]: { account_id: number | null }[] = await em.query('SELECT account_id FROM inventory_items WHERE id = ?', [id]);
    if (!row) throw new NotFoundException('Inventory item', id);
    const accountIds = [
      ...new Set([row.account_id, newAccountId].filter((a): a is number => a !== null && a !== undefined).map(Number)),
    ].sort((a, b) => a - b);
    for (const accountId of accountIds) await this.lockAccountOrFail(em, accountId, 'accountId');
    await em.query('SELECT id FROM inventory_items WHERE id = ? FOR UPDATE', [id]);
    return this.get(id, em);
  }

  private async lockAccountOrFail(em: EntityManager, accountId: number, field: string): Promise<void> {
    await this.accounts.lock(em, accountId).catch((err: unknown) => {
      if (err instanceof NotFoundException)
        throw new BadInputException([{ field, rule: 'exists', message: `account ${accountId} does not exist` }]);
      throw err;
    });
  }

  private async locationOrFail(em: EntityManager, id: number): Promise<void> {
    const [row]: { id: number }[] = await em.query('SELECT id FROM stock_locations WHERE id = ?', [id]);
    if (!row) throw new BadInputException([{ field: 'stockLocationId', rule: 'exists', message: `stock location ${id} does not exist` }]);
  }

  private async modelOrFail(
    em: EntityManager,
    id: number,
  ): Promise<{ id: number; name: string; macCount: number; serialRequired: boolean }> {
    // Shared until the commit: a change of the model's MAC count waits for the items being made of it, and counts their MACs.
    const [row]: { id: number; name: string; mac_count: number; serial_required: number }[] = await em.query(
      'SELECT id, name, mac_count, serial_required FROM inventory_models WHERE id = ? LOCK IN SHARE MODE',
      [id],
    );
    if (!row) throw new BadInputException([{ field: 'modelId', rule: 'exists', message: `model ${id} does not exist` }]);
    return { id: Number(row.id), name: row.name, macCount: Number(row.mac_count), serialRequired: Number(row.serial_required) === 1 };
  }

  private macsOrFail(texts: string[], macCount: number): string[] {
    const errors: FieldError[] = [];
    const macs = texts.map((text, i) => {
      const mac = normalizeMac(text);
      if (!mac)
        errors.push({
          field: `macs[${i}]`,
          rule: 'macAddress',
          message: `macs[${i}] must be a MAC address like 00:1a:2b:3c:4d:5e (got "${text}")`,
        });
      return mac ?? '';
    });
    if (!errors.length && texts.length !== macCount) {
      errors.push({ field: 'macs', rule: 'count', message: `the model has ${macCount} MAC address(es); ${texts.length} given` });
    }
    if (!errors.length && new Set(macs).size !== macs.length)
      errors.push({ field: 'macs', rule: 'unique', message: 'a MAC address is given twice' });
    if (errors.length) throw new BadInputException(errors);
    return macs;
  }

  private async writeFieldValues(
    em: EntityManager,
    itemId: number,
    modelId: number,
    values: FieldValueDto[],
    creating: boolean,
  ): Promise<void> {
    const fields: { id: number; name: string; required: number }[] = await em.query(
      'SELECT id, name, required FROM inventory_model_fields WHERE model_id = ?',
      [modelId],
    );
    const errors: FieldError[] = [];
    for (const [i, value] of values.entries()) {
      const field = fields.find((f) => Number(f.id) === value.fieldId);
      if (!field)
        errors.push({ field: `fieldValues[${i}].fieldId`, rule: 'exists', message: `field ${value.fieldId} is not a field of this model` });
      else if (Number(field.required) === 1 && !value.value.trim()) {
        errors.push({ field: `fieldValues[${i}].value`, rule: 'required', message: `${field.name} is required` });
      }
    }
    if (creating) {
      for (const field of fields.filter((f) => Number(f.required) === 1)) {
        if (!values.some((v) => v.fieldId === Number(field.id) && v.value.trim())) {
          errors.push({ field: 'fieldValues', rule: 'required', message: `${field.name} is required` });
        }
      }
    }
    if (errors.length) throw new BadInputException(errors);
    for (const value of values) {
      if (value.value.trim()) {
        await em.query(
          'INSERT INTO inventory_item_field_values (item_id, field_id, value) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)',
          [itemId, value.fieldId, value.value.trim()],
        );
      } else {
        await em.query('DELETE FROM inventory_item_field_values WHERE item_id = ? AND field_id = ?', [itemId, value.fieldId]);
      }
    }
  }

  private async items(em: EntityManager, ids: number[]): Promise<ItemResponseDto[]> {
    if (!ids.length) return [];
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT i.*, d.name AS model_name, m.name AS manufacturer_name, a.name AS account_name, l.name AS location_name
         FROM inventory_items i
         JOIN inventory_models d ON d.id = i.model_id
         JOIN inventory_manufacturers m ON m.id = d.manufacturer_id
         LEFT JOIN accounts a ON a.id = i.account_id
         LEFT JOIN stock_locations l ON l.id = i.stock_location_id
        WHERE i.id IN (?) ORDER BY FIELD(i.id, ?)`,
      [ids, ids],
    );
    const macs: { id: number; item_id: number; position: number; mac: string }[] = await em.query(
      'SELECT id, item_id, position, mac FROM inventory_macs WHERE item_id IN (?) ORDER BY position',
      [ids],
    );
    const assigned: { inventory_mac_id: number; family: number; address: unknown }[] = macs.length
      ? await em.query(
          'SELECT inventory_mac_id, family, address FROM ip_assignments WHERE inventory_mac_id IN (?) AND removed_at IS NULL ORDER BY family, address',
          [macs.map((m) => m.id)],
        )
      : [];
    const values: { item_id: number; field_id: number; name: string; value: string }[] = await em.query(
      `SELECT v.item_id, v.field_id, f.name, v.value FROM inventory_item_field_values v JOIN inventory_model_fields f ON f.id = v.field_id
        WHERE v.item_id IN (?) ORDER BY f.position, f.id`,
      [ids],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      modelId: Number(r.model_id),
      modelName: r.model_name as string,
      manufacturerName: r.manufacturer_name as string,
      serial: (r.serial as string | null) ?? null,
      status: r.status as ItemResponseDto['status'],
      accountId: r.account_id === null ? null : Number(r.account_id),
      accountName: (r.account_name as string | null) ?? null,
      stockLocationId: r.stock_location_id === null ? null : Number(r.stock_location_id),
      stockLocationName: (r.location_name as string | null) ?? null,
      macs: macs
        .filter((m) => Number(m.item_id) === Number(r.id))
        .map((m) => ({
          id: Number(m.id),
          position: Number(m.position),
          mac: m.mac,
          ipAddresses: assigned
            .filter((a) => Number(a.inventory_mac_id) === Number(m.id))
            .map((a) => addressText(Number(a.family) as IpFamily, fromDecimal(a.address))),
        })),
      fieldValues: values
        .filter((v) => Number(v.item_id) === Number(r.id))
        .map((v) => ({ fieldId: Number(v.field_id), name: v.name, value: v.value })),
      notes: (r.notes as string | null) ?? null,
      updatedAt: (r.updated_at as Date).toISOString(),
    }));
  }
}
