import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { isDuplicateKey } from '../database/duplicate-key';
import { NetworkSyncProcess } from '../network-sync/network-sync-process';
import { transactionWithRetry } from '../database/transaction';
import { likeContains } from '../common/sql-like';
import { parseAddress } from '../common/ip-address';
import { CreateNasDeviceDto, NasDeviceFilterDto, NasDeviceResponseDto, NasSortField, UpdateNasDeviceDto } from './dto/nas-device.dto';
import { RadiusErrorCode } from './radius.error-codes';

const SORT: Record<NasSortField, string> = { id: 'id', name: 'name', address: 'address' };

function toResponse(r: Record<string, unknown>): NasDeviceResponseDto {
  return {
    id: Number(r.id),
    name: r.name as string,
    address: r.address as string,
    nasType: r.nas_type as string,
    coaPort: Number(r.coa_port),
    disconnectToLimit: Number(r.disconnect_to_limit) === 1,
    description: (r.description as string | null) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
  };
}

/** The routers that ask the RADIUS server, each with the secret it signs with. The secret is never returned. */
@Injectable()
export class NasDevicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly process: NetworkSyncProcess,
  ) {}

  async list(query: ListQuery<NasDeviceFilterDto, NasSortField>): Promise<ListResult<NasDeviceResponseDto>> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (query.filter.q?.trim()) {
      where.push('(name LIKE ? OR address LIKE ?)');
      const like = likeContains(query.filter.q.trim());
      params.push(like, like);
    }
    if (query.filter.id?.length) {
      where.push('id IN (?)');
      params.push(query.filter.id);
    }
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM nas_devices WHERE ${where.join(' AND ')}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT * FROM nas_devices WHERE ${where.join(' AND ')} ORDER BY ${SORT[query.sort.field]} ${query.sort.order}, id LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult('nas-devices', rows.map(toResponse), Number(n), query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<NasDeviceResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query('SELECT * FROM nas_devices WHERE id = ?', [id]);
    if (!row) throw new NotFoundException('NAS device', id);
    return toResponse(row);
  }

  async create(dto: CreateNasDeviceDto): Promise<NasDeviceResponseDto> {
    const address = addressOf(dto.address);
    const result = await transactionWithRetry(this.db, async (em) => {
      const id = await this.write(em, address, () =>
        em.query(
          'INSERT INTO nas_devices (name, address, secret, nas_type, coa_port, disconnect_to_limit, description) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [
            dto.name.trim(),
            address,
            dto.secret,
            dto.nasType ?? 'other',
            dto.coaPort ?? 3799,
            dto.disconnectToLimit ?? false,
            dto.description?.trim() || null,
          ],
        ),
      );
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'nas_device.create',
        entityType: 'nas_device',
        entityId: id,
        before: null,
        after: { ...after },
      });
      return after;
    });
    // The RADIUS server's client list follows, once the change is committed.
    await this.process.kickNasDevices('nas_device.create');
    return result;
  }

  async update(id: number, dto: UpdateNasDeviceDto): Promise<NasDeviceResponseDto> {
    if (Object.values(dto).every((v) => v === undefined)) {
      throw new BadInputException([{ field: 'body', rule: 'nothingToChange', message: 'give at least one field to change' }]);
    }
    const address = dto.address === undefined ? undefined : addressOf(dto.address);
    const result = await transactionWithRetry(this.db, async (em) => {
      await em.query('SELECT id FROM nas_devices WHERE id = ? FOR UPDATE', [id]);
      const before = await this.get(id, em);
      await this.write(em, address ?? before.address, () =>
        em
          .query(
            `UPDATE nas_devices SET name = COALESCE(?, name), address = COALESCE(?, address), secret = COALESCE(?, secret),
             nas_type = COALESCE(?, nas_type), coa_port = COALESCE(?, coa_port), disconnect_to_limit = COALESCE(?, disconnect_to_limit),
             description = IF(?, ?, description) WHERE id = ?`,
            [
              dto.name?.trim() ?? null,
              address ?? null,
              dto.secret ?? null,
              dto.nasType ?? null,
              dto.coaPort ?? null,
              dto.disconnectToLimit ?? null,
              dto.description !== undefined,
              dto.description?.trim() || null,
              id,
            ],
          )
          .then(() => ({ insertId: id })),
      );
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'nas_device.update',
        entityType: 'nas_device',
        entityId: id,
        before: { ...before },
        after: { ...after, ...(dto.secret !== undefined && { secretChanged: true }) },
      });
      return after;
    });
    await this.process.kickNasDevices('nas_device.update');
    return result;
  }

  async delete(id: number): Promise<NasDeviceResponseDto> {
    const result = await transactionWithRetry(this.db, async (em) => {
      await em.query('SELECT id FROM nas_devices WHERE id = ? FOR UPDATE', [id]);
      const before = await this.get(id, em);
      await em.query('DELETE FROM nas_devices WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'nas_device.delete',
        entityType: 'nas_device',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return before;
    });
    await this.process.kickNasDevices('nas_device.delete');
    return result;
  }

  private async write(em: EntityManager, address: string, statement: () => Promise<{ insertId: number }>): Promise<number> {
    try {
      return (await statement()).insertId;
    } catch (err) {
      if (isDuplicateKey(err, 'ux_nas_devices_address')) {
        throw new ConflictException(RadiusErrorCode.NasAddressTaken, `A NAS device with address ${address} exists already.`, [
          { field: 'address', rule: 'unique', message: `${address} is another NAS device's address` },
        ]);
      }
      if (isDuplicateKey(err, 'ux_nas_devices_name')) {
        throw new ConflictException(RadiusErrorCode.NasNameTaken, 'A NAS device with that name exists already.', [
          { field: 'name', rule: 'unique', message: 'another NAS device has that name' },
        ]);
      }
      throw err;
    }
  }
}

function addressOf(text: string): string {
  const address = parseAddress(text);
  if (!address)
    throw new BadInputException([
      { field: 'address', rule: 'ipAddress', message: `address must be an IPv4 or IPv6 address (got "${text}")` },
    ]);
  return address.text;
}
