import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { clockOfMinutes, intervalProblem, type IsoWeekday, minutesOfClock, type OpenInterval } from './business-time';
import { BusinessHoursDto, UpdateBusinessHoursDto } from './dto/business-hours.dto';
import {
  CreateDeadlineTargetDto,
  DeadlineTargetDto,
  DeadlineTargetFilterDto,
  DeadlineTargetSortField,
  UpdateDeadlineTargetDto,
} from './dto/deadline-target.dto';
import {
  CreateTicketHolidayDto,
  TicketHolidayDto,
  TicketHolidayFilterDto,
  TicketHolidaySortField,
  UpdateTicketHolidayDto,
} from './dto/ticket-holiday.dto';
import { TicketDeadlineTimers } from './ticket-deadline-timers';
import {
  businessHours,
  groupExists,
  listTargets,
  replaceBusinessHours,
  scopeKey,
  type TargetRow,
  targetById,
} from './ticket-deadline-rows';
import { TicketDeadlinesErrorCode } from './ticket-deadlines.error-codes';

const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOLIDAY_SORT: Record<TicketHolidaySortField, string> = { id: 'id', date: 'date', name: 'name' };
const TARGET_SORT: Record<DeadlineTargetSortField, string> = { id: 't.id', priority: 't.priority', groupId: 't.group_id' };

interface HolidayRow {
  id: number;
  date: string;
  name: string;
  created_at: Date;
  updated_at: Date;
}

const toHoliday = (r: HolidayRow): TicketHolidayDto => ({
  id: Number(r.id),
  date: r.date,
  name: r.name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const HOLIDAY_COLUMNS = "id, DATE_FORMAT(date, '%Y-%m-%d') AS date, name, created_at, updated_at";

function toTarget(row: TargetRow): DeadlineTargetDto {
  return { ...row };
}

function holidayTaken(date: string): ConflictException {
  return new ConflictException(TicketDeadlinesErrorCode.HolidayDateTaken, `${date} is already a holiday`, [
    { field: 'date', rule: 'unique', message: `${date} is already in the list` },
  ]);
}

function targetTaken(groupId: number | null, priority: string): ConflictException {
  const scope = groupId === null ? 'The default' : `Ticket group ${groupId}`;
  return new ConflictException(
    TicketDeadlinesErrorCode.TargetTaken,
    `${scope} already has a target for ${priority} priority; change that one`,
    [{ field: 'priority', rule: 'unique', message: `${scope} already has a target for ${priority} priority` }],
  );
}

/** Words for the audit trail: `Mon 09:00–17:00`. */
function intervalWords(i: OpenInterval): string {
  return `${WEEKDAYS[i.weekday]} ${clockOfMinutes(i.opensMinute)}–${clockOfMinutes(i.closesMinute)}`;
}

/**
 * The settings deadlines run on: the helpdesk's weekly hours, its holidays, and the targets
 * per ticket group and priority. Every change makes the open tickets' timers work their
 * deadlines out again (in the background, after the commit).
 */
@Injectable()
export class TicketDeadlineSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly timers: TicketDeadlineTimers,
  ) {}

  // --- business hours -----------------------------------------------------------------------

  async hours(em: EntityManager = this.db.manager): Promise<BusinessHoursDto> {
    const { intervals, updatedAt } = await businessHours(em);
    return {
      id: 'week',
      timeZone: this.config.BILLING_TIME_ZONE,
      roundTheClock: intervals.length === 0,
      hours: intervals.map((i) => ({ weekday: i.weekday, opens: clockOfMinutes(i.opensMinute), closes: clockOfMinutes(i.closesMinute) })),
      updatedAt,
    };
  }

  async replaceHours(dto: UpdateBusinessHoursDto): Promise<BusinessHoursDto> {
    const intervals = this.readIntervals(dto);
    const after = await transactionWithRetry(this.db, async (em) => {
      const before = await businessHours(em);
      await replaceBusinessHours(em, intervals);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'ticket_business_hours',
        entityId: 'week',
        before: { hours: before.intervals.map(intervalWords) },
        after: { hours: intervals.map(intervalWords) },
      });
      return this.hours(em);
    });
    this.timers.recheckAllLater('business hours changed');
    return after;
  }

  private readIntervals(dto: UpdateBusinessHoursDto): OpenInterval[] {
    const errors: FieldError[] = [];
    const intervals: OpenInterval[] = [];
    dto.hours.forEach((h, n) => {
      const opensMinute = minutesOfClock(h.opens);
      const closesMinute = minutesOfClock(h.closes);
      if (opensMinute === null || closesMinute === null) return;
      const interval = { weekday: h.weekday as IsoWeekday, opensMinute, closesMinute };
      const problem = intervalProblem(interval);
      if (problem)
        errors.push({
          field: `hours.${n}.closes`,
          rule: 'afterOpens',
          message: `${WEEKDAYS[h.weekday]} ${h.opens}–${h.closes}: ${problem}`,
        });
      else intervals.push(interval);
    });
    const sorted = [...intervals].sort((a, b) => a.weekday - b.weekday || a.opensMinute - b.opensMinute);
    for (let n = 1; n < sorted.length; n++) {
      const [a, b] = [sorted[n - 1], sorted[n]];
      if (a.weekday === b.weekday && b.opensMinute < a.closesMinute) {
        errors.push({
          field: 'hours',
          rule: 'overlap',
          message: `${intervalWords(a)} and ${intervalWords(b)} overlap; join them into one interval`,
        });
      }
    }
    if (errors.length) throw new BadInputException(errors);
    return sorted;
  }

  // --- holidays -----------------------------------------------------------------------------

  async listHolidays(query: ListQuery<TicketHolidayFilterDto, TicketHolidaySortField>): Promise<ListResult<TicketHolidayDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.filter.id?.length) {
      where.push('id IN (?)');
      params.push(query.filter.id);
    }
    if (query.filter.from) {
      where.push('date >= ?');
      params.push(query.filter.from);
    }
    if (query.filter.to) {
      where.push('date <= ?');
      params.push(query.filter.to);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM ticket_holidays ${clause}`, params);
    const rows: HolidayRow[] = await this.db.query(
      `SELECT ${HOLIDAY_COLUMNS} FROM ticket_holidays ${clause}
        ORDER BY ${HOLIDAY_SORT[query.sort.field]} ${query.sort.order}, id ${query.sort.order} LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult('ticket-holidays', rows.map(toHoliday), Number(n), query.offset);
  }

  async holiday(id: number, em: EntityManager = this.db.manager, lock = false): Promise<TicketHolidayDto> {
    const [row]: HolidayRow[] = await em.query(`SELECT ${HOLIDAY_COLUMNS} FROM ticket_holidays WHERE id = ?${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
    if (!row) throw new NotFoundException('Holiday', id);
    return toHoliday(row);
  }

  async createHoliday(dto: CreateTicketHolidayDto): Promise<TicketHolidayDto> {
    const after = await transactionWithRetry(this.db, async (em) => {
      let insertId: number;
      try {
        ({ insertId } = await em.query('INSERT INTO ticket_holidays (date, name) VALUES (?, ?)', [dto.date, dto.name]));
      } catch (err) {
        if (isDuplicateKey(err, 'uq_ticket_holidays_date')) throw holidayTaken(dto.date);
        throw err;
      }
      const created = await this.holiday(Number(insertId), em);
      await this.audit.recordAction(em, { action: 'create', entityType: 'ticket_holiday', entityId: created.id, after: { ...created } });
      return created;
    });
    this.timers.recheckAllLater('holiday added');
    return after;
  }

  async updateHoliday(id: number, dto: UpdateTicketHolidayDto): Promise<TicketHolidayDto> {
    let changed = false;
    const after = await transactionWithRetry(this.db, async (em) => {
      const before = await this.holiday(id, em, true);
      const date = dto.date ?? before.date;
      const name = dto.name ?? before.name;
      if (date === before.date && name === before.name) return before;
      try {
        await em.query('UPDATE ticket_holidays SET date = ?, name = ? WHERE id = ?', [date, name, id]);
      } catch (err) {
        if (isDuplicateKey(err, 'uq_ticket_holidays_date')) throw holidayTaken(date);
        throw err;
      }
      const updated = await this.holiday(id, em);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'ticket_holiday',
        entityId: id,
        before: { ...before },
        after: { ...updated },
      });
      changed = date !== before.date;
      return updated;
    });
    if (changed) this.timers.recheckAllLater('holiday moved');
    return after;
  }

  async removeHoliday(id: number): Promise<TicketHolidayDto> {
    const before = await transactionWithRetry(this.db, async (em) => {
      const row = await this.holiday(id, em, true);
      await em.query('DELETE FROM ticket_holidays WHERE id = ?', [id]);
      await this.audit.recordAction(em, { action: 'delete', entityType: 'ticket_holiday', entityId: id, before: { ...row } });
      return row;
    });
    this.timers.recheckAllLater('holiday removed');
    return before;
  }

  // --- targets ------------------------------------------------------------------------------

  async listTargets(query: ListQuery<DeadlineTargetFilterDto, DeadlineTargetSortField>): Promise<ListResult<DeadlineTargetDto>> {
    const { rows, total } = await listTargets(this.db.manager, {
      ids: query.filter.id,
      groupId: query.filter.groupId,
      priority: query.filter.priority,
      sort: { column: TARGET_SORT[query.sort.field], order: query.sort.order },
      offset: query.offset,
      limit: query.limit,
    });
    return new ListResult('ticket-deadline-targets', rows.map(toTarget), total, query.offset);
  }

  async target(id: number, em: EntityManager = this.db.manager, lock = false): Promise<DeadlineTargetDto> {
    const row = await targetById(em, id, lock);
    if (!row) throw new NotFoundException('Deadline target', id);
    return toTarget(row);
  }

  async createTarget(dto: CreateDeadlineTargetDto): Promise<DeadlineTargetDto> {
    const groupId = dto.groupId ?? null;
    const values = {
      firstResponseSeconds: dto.firstResponseSeconds ?? null,
      resolutionSeconds: dto.resolutionSeconds ?? null,
      raisePriorityOnBreach: dto.raisePriorityOnBreach ?? false,
    };
    const after = await transactionWithRetry(this.db, async (em) => {
      await this.checkTarget(em, groupId, values);
      let insertId: number;
      try {
        ({ insertId } = await em.query(
          `INSERT INTO ticket_deadline_targets (group_id, scope_key, priority, first_response_seconds, resolution_seconds, raise_priority_on_breach)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [groupId, scopeKey(groupId), dto.priority, values.firstResponseSeconds, values.resolutionSeconds, values.raisePriorityOnBreach],
        ));
      } catch (err) {
        if (isDuplicateKey(err, 'uq_ticket_deadline_targets_scope')) throw targetTaken(groupId, dto.priority);
        throw err;
      }
      const created = await this.target(Number(insertId), em);
      await this.audit.recordAction(em, {
        action: 'create',
        entityType: 'ticket_deadline_target',
        entityId: created.id,
        after: { ...created },
      });
      return created;
    });
    this.timers.recheckAllLater('deadline target added');
    return after;
  }

  async updateTarget(id: number, dto: UpdateDeadlineTargetDto): Promise<DeadlineTargetDto> {
    const after = await transactionWithRetry(this.db, async (em) => {
      const before = await this.target(id, em, true);
      const next = {
        groupId: dto.groupId !== undefined ? dto.groupId : before.groupId,
        priority: dto.priority ?? before.priority,
        firstResponseSeconds: dto.firstResponseSeconds !== undefined ? dto.firstResponseSeconds : before.firstResponseSeconds,
        resolutionSeconds: dto.resolutionSeconds !== undefined ? dto.resolutionSeconds : before.resolutionSeconds,
        raisePriorityOnBreach: dto.raisePriorityOnBreach ?? before.raisePriorityOnBreach,
      };
      await this.checkTarget(em, next.groupId, next);
      try {
        await em.query(
          `UPDATE ticket_deadline_targets SET group_id = ?, scope_key = ?, priority = ?, first_response_seconds = ?, resolution_seconds = ?,
                  raise_priority_on_breach = ? WHERE id = ?`,
          [
            next.groupId,
            scopeKey(next.groupId),
            next.priority,
            next.firstResponseSeconds,
            next.resolutionSeconds,
            next.raisePriorityOnBreach,
            id,
          ],
        );
      } catch (err) {
        if (isDuplicateKey(err, 'uq_ticket_deadline_targets_scope')) throw targetTaken(next.groupId, next.priority);
        throw err;
      }
      const updated = await this.target(id, em);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'ticket_deadline_target',
        entityId: id,
        before: { ...before },
        after: { ...updated },
      });
      return updated;
    });
    this.timers.recheckAllLater('deadline target changed');
    return after;
  }

  async removeTarget(id: number): Promise<DeadlineTargetDto> {
    const before = await transactionWithRetry(this.db, async (em) => {
      const row = await this.target(id, em, true);
      await em.query('DELETE FROM ticket_deadline_targets WHERE id = ?', [id]);
      await this.audit.recordAction(em, { action: 'delete', entityType: 'ticket_deadline_target', entityId: id, before: { ...row } });
      return row;
    });
    this.timers.recheckAllLater('deadline target removed');
    return before;
  }

  private async checkTarget(
    em: EntityManager,
    groupId: number | null,
    values: { firstResponseSeconds: number | null; resolutionSeconds: number | null },
  ): Promise<void> {
    const errors: FieldError[] = [];
    if (values.firstResponseSeconds === null && values.resolutionSeconds === null) {
      errors.push({
        field: 'firstResponseSeconds',
        rule: 'required',
        message: 'give a first-response target, a resolution target, or both',
      });
    }
    if (groupId !== null && !(await groupExists(em, groupId))) {
      errors.push({ field: 'groupId', rule: 'exists', message: `ticket group ${groupId} does not exist` });
    }
    if (errors.length) throw new BadInputException(errors);
  }
}
