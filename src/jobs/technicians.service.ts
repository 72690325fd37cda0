import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import {
  CreateTechnicianDto,
  TechnicianFilterDto,
  TechnicianResponseDto,
  TechnicianSortField,
  UpdateTechnicianDto,
} from './dto/technician.dto';
import { JobRows } from './job-rows';
import { JobsErrorCode } from './jobs.error-codes';

const COLUMNS = 'tc.user_id, u.name, u.email, tc.color, tc.active, u.active AS user_active, tc.created_at, tc.updated_at';
const FROM = 'technicians tc JOIN staff_users u ON u.id = tc.user_id';
const SORT_COLUMNS: Record<TechnicianSortField, string> = { name: 'u.name', id: 'tc.user_id' };

function toResponse(r: Record<string, unknown>): TechnicianResponseDto {
  return {
    id: Number(r.user_id),
    userId: Number(r.user_id),
    name: r.name as string,
    email: r.email as string,
    color: r.color as string,
    active: Number(r.active) === 1,
    userActive: Number(r.user_active) === 1,
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
  };
}

/** Staff users who can be booked on jobs. A technician's id is its staff user's id. */
@Injectable()
export class TechniciansService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: JobRows,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<TechnicianFilterDto, TechnicianSortField>): Promise<ListResult<TechnicianResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const q = query.filter.q?.trim();
    if (q) {
      where.push('(u.name LIKE ? OR u.email LIKE ?)');
      params.push(likeContains(q), likeContains(q));
    }
    if (query.filter.active !== undefined) {
      where.push('tc.active = ?');
      params.push(query.filter.active ? 1 : 0);
    }
    if (query.filter.id?.length) {
      where.push('tc.user_id IN (?)');
      params.push(query.filter.id);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM ${FROM} ${clause}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM} ${clause} ORDER BY ${SORT_COLUMNS[query.sort.field]} ${query.sort.order}, tc.user_id ${query.sort.order}
        LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult('technicians', rows.map(toResponse), Number(n), query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<TechnicianResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE tc.user_id = ?`, [id]);
    if (!row) throw new NotFoundException('Technician', id);
    return toResponse(row);
  }

  async create(dto: CreateTechnicianDto): Promise<TechnicianResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const [user]: { active: number }[] = await em.query('SELECT active FROM staff_users WHERE id = ?', [dto.userId]);
      if (!user || Number(user.active) !== 1) {
        throw new BadInputException([
          { field: 'userId', rule: 'activeUser', message: `staff user ${dto.userId} does not exist or is deactivated` },
        ]);
      }
      try {
        await em.query('INSERT INTO technicians (user_id, color, active) VALUES (?, ?, ?)', [
          dto.userId,
          dto.color ?? '#43a047',
          dto.active ?? true,
        ]);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        throw new ConflictException(JobsErrorCode.TechnicianExists, `Staff user ${dto.userId} is a technician already`, [
          { field: 'userId', rule: 'unique', message: `staff user ${dto.userId} is a technician already` },
        ]);
      }
      const after = await this.get(dto.userId, em);
      await this.audit.recordAction(em, {
        action: 'technician.create',
        entityType: 'technician',
        entityId: dto.userId,
        before: null,
        after: { ...after },
      });
      return after;
    });
  }

  async update(id: number, dto: UpdateTechnicianDto): Promise<TechnicianResponseDto> {
    if (dto.color === undefined && dto.active === undefined) {
      throw new BadInputException([{ field: 'body', rule: 'nothingToChange', message: 'give at least one of color, active' }]);
    }
    return transactionWithRetry(this.db, async (em) => {
      await this.lock(em, id);
      const before = await this.get(id, em);
      await em.query('UPDATE technicians SET color = ?, active = ? WHERE user_id = ?', [
        dto.color ?? before.color,
        dto.active ?? before.active,
        id,
      ]);
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'technician.update',
        entityType: 'technician',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async delete(id: number): Promise<TechnicianResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.lock(em, id);
      const before = await this.get(id, em);
      const bookings = await this.rows.bookingsOfTechnician(em, id);
      if (bookings > 0) {
        throw new ConflictException(
          JobsErrorCode.TechnicianInUse,
          `${before.name} has been booked on ${bookings} ${bookings === 1 ? 'job' : 'jobs'}, so they can only be deactivated`,
        );
      }
      await em.query('DELETE FROM technicians WHERE user_id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'technician.delete',
        entityType: 'technician',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  /** The same row lock a booking takes, so a removal and a booking of one technician queue behind each other. */
  private async lock(em: EntityManager, id: number): Promise<void> {
    const [row]: { user_id: number }[] = await em.query('SELECT user_id FROM technicians WHERE user_id = ? FOR UPDATE', [id]);
    if (!row) throw new NotFoundException('Technician', id);
  }
}
