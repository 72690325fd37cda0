import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import {
  CatalogFilterDto,
  CatalogSortField,
  CreateModelDto,
  ManufacturerDto,
  ManufacturerResponseDto,
  ModelFieldDto,
  ModelResponseDto,
  StockLocationDto,
  StockLocationResponseDto,
  UpdateModelDto,
} from './dto/inventory-catalog.dto';
import { InventoryErrorCode } from './inventory.error-codes';
import { likeContains } from '../common/sql-like';

function duplicate(field: string, what: string): ConflictException {
  return new ConflictException(InventoryErrorCode.Duplicate, `${what} exists already.`, [
    { field, rule: 'unique', message: `${what} exists already` },
  ]);
}

/** What items are: manufacturers, their models with the fields of their own, and the stock locations that keep them. */
@Injectable()
export class InventoryCatalogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listManufacturers(query: ListQuery<CatalogFilterDto, CatalogSortField>): Promise<ListResult<ManufacturerResponseDto>> {
    const { where, params } = this.where('m', query.filter);
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM inventory_manufacturers m WHERE ${where}`, params);
    const rows: { id: number; name: string; models: number }[] = await this.db.query(
      `SELECT m.id, m.name, (SELECT COUNT(*) FROM inventory_models d WHERE d.manufacturer_id = m.id) AS models
         FROM inventory_manufacturers m WHERE ${where} ORDER BY m.${query.sort.field} ${query.sort.order}, m.id LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult(
      'inventory-manufacturers',
      rows.map((r) => ({ id: Number(r.id), name: r.name, modelCount: Number(r.models) })),
      Number(n),
      query.offset,
    );
  }

  async getManufacturer(id: number, em: EntityManager = this.db.manager): Promise<ManufacturerResponseDto> {
    const [row]: { id: number; name: string; models: number }[] = await em.query(
      'SELECT m.id, m.name, (SELECT COUNT(*) FROM inventory_models d WHERE d.manufacturer_id = m.id) AS models FROM inventory_manufacturers m WHERE m.id = ?',
      [id],
    );
    if (!row) throw new NotFoundException('Manufacturer', id);
    return { id: Number(row.id), name: row.name, modelCount: Number(row.models) };
  }

  async saveManufacturer(id: number | null, dto: ManufacturerDto): Promise<ManufacturerResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = id === null ? null : await this.getManufacturer(id, em);
      try {
        if (id === null)
          id = (await em.query('INSERT INTO inventory_manufacturers (name) VALUES (?)', [dto.name.trim()])).insertId as number;
        else await em.query('UPDATE inventory_manufacturers SET name = ? WHERE id = ?', [dto.name.trim(), id]);
      } catch (err) {
        if (isDuplicateKey(err)) throw duplicate('name', `A manufacturer named "${dto.name.trim()}"`);
        throw err;
      }
      const after = await this.getManufacturer(id, em);
      await this.audit.recordAction(em, {
        action: before ? 'inventory_manufacturer.update' : 'inventory_manufacturer.create',
        entityType: 'inventory_manufacturer',
        entityId: id,
        before: before && { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async deleteManufacturer(id: number): Promise<ManufacturerResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      // Locked first: a model being given this manufacturer holds it shared until it commits, and is counted then.
      await em.query('SELECT id FROM inventory_manufacturers WHERE id = ? FOR UPDATE', [id]);
      const before = await this.getManufacturer(id, em);
      if (before.modelCount > 0)
        throw new ConflictException(InventoryErrorCode.InUse, `${before.name} still has ${before.modelCount} model(s).`);
      await em.query('DELETE FROM inventory_manufacturers WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'inventory_manufacturer.delete',
        entityType: 'inventory_manufacturer',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  async listModels(query: ListQuery<CatalogFilterDto, CatalogSortField>): Promise<ListResult<ModelResponseDto>> {
    const { where, params } = this.where('d', query.filter);
    const filter = query.filter.manufacturerId ? `${where} AND d.manufacturer_id = ?` : where;
    const all = query.filter.manufacturerId ? [...params, query.filter.manufacturerId] : params;
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM inventory_models d WHERE ${filter}`, all);
    const ids: { id: number }[] = await this.db.query(
      `SELECT d.id FROM inventory_models d WHERE ${filter} ORDER BY d.${query.sort.field} ${query.sort.order}, d.id LIMIT ? OFFSET ?`,
      [...all, query.limit, query.offset],
    );
    return new ListResult(
      'inventory-models',
      await this.models(
        this.db.manager,
        ids.map((r) => Number(r.id)),
      ),
      Number(n),
      query.offset,
    );
  }

  async getModel(id: number, em: EntityManager = this.db.manager): Promise<ModelResponseDto> {
    const [model] = await this.models(em, [id]);
    if (!model) throw new NotFoundException('Model', id);
    return model;
  }

  async createModel(dto: CreateModelDto): Promise<ModelResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.manufacturerOrFail(em, dto.manufacturerId);
      let id: number;
      try {
        id = (
          await em.query('INSERT INTO inventory_models (manufacturer_id, name, mac_count, serial_required) VALUES (?, ?, ?, ?)', [
            dto.manufacturerId,
            dto.name.trim(),
            dto.macCount ?? 1,
            dto.serialRequired ?? true,
          ])
        ).insertId as number;
      } catch (err) {
        if (isDuplicateKey(err)) throw duplicate('name', `A model named "${dto.name.trim()}" of that manufacturer`);
        throw err;
      }
      await this.replaceFields(em, id, dto.fields ?? []);
      const after = await this.getModel(id, em);
      await this.audit.recordAction(em, {
        action: 'inventory_model.create',
        entityType: 'inventory_model',
        entityId: id,
        before: null,
        after: { ...after },
      });
      return after;
    });
  }

  async updateModel(id: number, dto: UpdateModelDto): Promise<ModelResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      // Items of the model are made under a shared lock on it, so none appears with more MACs while this checks.
      await em.query('SELECT id FROM inventory_models WHERE id = ? FOR UPDATE', [id]);
      const before = await this.getModel(id, em);
      if (dto.manufacturerId !== undefined && dto.manufacturerId !== before.manufacturerId)
        await this.manufacturerOrFail(em, dto.manufacturerId);
      if (dto.macCount !== undefined && dto.macCount < before.macCount) await this.macCountFitsItems(em, before, dto.macCount);
      try {
        await em.query(
          `UPDATE inventory_models SET manufacturer_id = COALESCE(?, manufacturer_id), name = COALESCE(?, name),
             mac_count = COALESCE(?, mac_count), serial_required = COALESCE(?, serial_required) WHERE id = ?`,
          [dto.manufacturerId ?? null, dto.name?.trim() ?? null, dto.macCount ?? null, dto.serialRequired ?? null, id],
        );
      } catch (err) {
        if (isDuplicateKey(err)) {
          const name = dto.name?.trim() ?? before.name;
          throw duplicate(dto.name !== undefined ? 'name' : 'manufacturerId', `A model named "${name}" of that manufacturer`);
        }
        throw err;
      }
      if (dto.fields) await this.replaceFields(em, id, dto.fields);
      const after = await this.getModel(id, em);
      await this.audit.recordAction(em, {
        action: 'inventory_model.update',
        entityType: 'inventory_model',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async deleteModel(id: number): Promise<ModelResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      // Locked first: an item being made of this model holds it shared until it commits, and is counted then.
      await em.query('SELECT id FROM inventory_models WHERE id = ? FOR UPDATE', [id]);
      const before = await this.getModel(id, em);
      if (before.itemCount > 0)
        throw new ConflictException(InventoryErrorCode.InUse, `${before.name} still has ${before.itemCount} item(s).`);
      await em.query('DELETE FROM inventory_models WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'inventory_model.delete',
        entityType: 'inventory_model',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  async listLocations(query: ListQuery<CatalogFilterDto, CatalogSortField>): Promise<ListResult<StockLocationResponseDto>> {
    const { where, params } = this.where('l', query.filter);
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM stock_locations l WHERE ${where}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT l.*, (SELECT COUNT(*) FROM inventory_items i WHERE i.stock_location_id = l.id) AS items
         FROM stock_locations l WHERE ${where} ORDER BY l.${query.sort.field} ${query.sort.order}, l.id LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult('stock-locations', rows.map(toLocation), Number(n), query.offset);
  }

  async getLocation(id: number, em: EntityManager = this.db.manager): Promise<StockLocationResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query(
      'SELECT l.*, (SELECT COUNT(*) FROM inventory_items i WHERE i.stock_location_id = l.id) AS items FROM stock_locations l WHERE l.id = ?',
      [id],
    );
    if (!row) throw new NotFoundException('Stock location', id);
    return toLocation(row);
  }

  async saveLocation(id: number | null, dto: StockLocationDto): Promise<StockLocationResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = id === null ? null : await this.getLocation(id, em);
      try {
        if (id === null) {
          id = (
            await em.query('INSERT INTO stock_locations (name, description) VALUES (?, ?)', [
              dto.name.trim(),
              dto.description?.trim() || null,
            ])
          ).insertId as number;
        } else {
          await em.query('UPDATE stock_locations SET name = ?, description = ? WHERE id = ?', [
            dto.name.trim(),
            dto.description?.trim() || null,
            id,
          ]);
        }
      } catch (err) {
        if (isDuplicateKey(err)) throw duplicate('name', `A stock location named "${dto.name.trim()}"`);
        throw err;
      }
      const after = await this.getLocation(id, em);
      await this.audit.recordAction(em, {
        action: before ? 'stock_location.update' : 'stock_location.create',
        entityType: 'stock_location',
        entityId: id,
        before: before && { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async deleteLocation(id: number): Promise<StockLocationResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.getLocation(id, em);
      if (before.itemCount > 0)
        throw new ConflictException(InventoryErrorCode.InUse, `${before.name} still keeps ${before.itemCount} item(s).`);
      await em.query('DELETE FROM stock_locations WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'stock_location.delete',
        entityType: 'stock_location',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  /** Held shared until the transaction ends, so the manufacturer cannot be deleted under the model given it. */
  private async manufacturerOrFail(em: EntityManager, id: number): Promise<void> {
    // Written out: TypeORM spells a shared lock FOR SHARE, which MariaDB does not parse.
    const [maker]: { id: number }[] = await em.query('SELECT id FROM inventory_manufacturers WHERE id = ? LOCK IN SHARE MODE', [id]);
    if (!maker) throw new BadInputException([{ field: 'manufacturerId', rule: 'exists', message: `manufacturer ${id} does not exist` }]);
  }

  /** An item keeps every MAC address it was given, so the model can have no fewer than its fullest item. */
  private async macCountFitsItems(em: EntityManager, model: ModelResponseDto, macCount: number): Promise<void> {
    const [over]: { items: number; most: number | null }[] = await em.query(
      `SELECT COUNT(*) AS items, MAX(macs) AS most FROM (
         SELECT COUNT(*) AS macs FROM inventory_macs x JOIN inventory_items i ON i.id = x.item_id
          WHERE i.model_id = ? GROUP BY x.item_id HAVING COUNT(*) > ?) fuller`,
      [model.id, macCount],
    );
    const items = Number(over.items);
    if (items === 0) return;
    const most = Number(over.most);
    throw new ConflictException(
      InventoryErrorCode.InUse,
      `${items} item(s) of the ${model.name} have ${most} MAC addresses; the model can have no fewer than ${most}.`,
      [
        {
          field: 'macCount',
          rule: 'itemsHaveMore',
          message: `${items} item(s) of the model have ${most} MAC addresses; macCount must be at least ${most}`,
        },
      ],
    );
  }

  /** Sets the model's fields to the list: listed ids are kept (renamed), new names added, the rest deleted with their values. */
  private async replaceFields(em: EntityManager, modelId: number, fields: ModelFieldDto[]): Promise<void> {
    const names = fields.map((f) => f.name.trim().toLowerCase());
    const repeated = names.find((name, i) => names.indexOf(name) !== i);
    if (repeated)
      throw new BadInputException([{ field: 'fields', rule: 'unique', message: `the field name "${repeated}" is given twice` }]);
    const existing: { id: number }[] = await em.query('SELECT id FROM inventory_model_fields WHERE model_id = ?', [modelId]);
    const known = new Set(existing.map((f) => Number(f.id)));
    const unknown = fields.find((f) => f.id !== undefined && !known.has(f.id));
    if (unknown)
      throw new BadInputException([{ field: 'fields', rule: 'exists', message: `field ${unknown.id} is not a field of this model` }]);
    const kept = fields.filter((f) => f.id !== undefined).map((f) => f.id as number);
    await em.query(
      `DELETE FROM inventory_model_fields WHERE model_id = ?${kept.length ? ' AND id NOT IN (?)' : ''}`,
      kept.length ? [modelId, kept] : [modelId],
    );
    // Rename through a placeholder first, so swapping two names does not trip the unique key midway.
    for (const field of fields.filter((f) => f.id !== undefined)) {
      await em.query("UPDATE inventory_model_fields SET name = CONCAT('~', id) WHERE id = ?", [field.id]);
    }
    for (const [position, field] of fields.entries()) {
      if (field.id !== undefined) {
        await em.query('UPDATE inventory_model_fields SET name = ?, required = ?, position = ? WHERE id = ?', [
          field.name.trim(),
          field.required ?? false,
          position,
          field.id,
        ]);
      } else {
        await em.query('INSERT INTO inventory_model_fields (model_id, name, required, position) VALUES (?, ?, ?, ?)', [
          modelId,
          field.name.trim(),
          field.required ?? false,
          position,
        ]);
      }
    }
  }

  private async models(em: EntityManager, ids: number[]): Promise<ModelResponseDto[]> {
    if (!ids.length) return [];
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT d.*, m.name AS manufacturer_name, (SELECT COUNT(*) FROM inventory_items i WHERE i.model_id = d.id) AS items
         FROM inventory_models d JOIN inventory_manufacturers m ON m.id = d.manufacturer_id WHERE d.id IN (?) ORDER BY FIELD(d.id, ?)`,
      [ids, ids],
    );
    const fields: { id: number; model_id: number; name: string; required: number }[] = await em.query(
      'SELECT id, model_id, name, required FROM inventory_model_fields WHERE model_id IN (?) ORDER BY position, id',
      [ids],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      manufacturerId: Number(r.manufacturer_id),
      manufacturerName: r.manufacturer_name as string,
      name: r.name as string,
      macCount: Number(r.mac_count),
      serialRequired: Number(r.serial_required) === 1,
      fields: fields
        .filter((f) => Number(f.model_id) === Number(r.id))
        .map((f) => ({ id: Number(f.id), name: f.name, required: Number(f.required) === 1 })),
      itemCount: Number(r.items),
    }));
  }

  private where(alias: string, filter: CatalogFilterDto): { where: string; params: unknown[] } {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (filter.q?.trim()) {
      where.push(`${alias}.name LIKE ?`);
      params.push(likeContains(filter.q.trim()));
    }
    if (filter.id?.length) {
      where.push(`${alias}.id IN (?)`);
      params.push(filter.id);
    }
    return { where: where.join(' AND '), params };
  }
}

function toLocation(r: Record<string, unknown>): StockLocationResponseDto {
  return { id: Number(r.id), name: r.name as string, description: (r.description as string | null) ?? null, itemCount: Number(r.items) };
}
