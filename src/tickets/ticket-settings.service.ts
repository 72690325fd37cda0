import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult, SortOrder } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import {
  CreateTicketGroupDto,
  TicketGroupFilterDto,
  TicketGroupResponseDto,
  TicketGroupSortField,
  UpdateTicketGroupDto,
} from './dto/ticket-group.dto';
import {
  CreateTicketStatusDto,
  TicketStatusFilterDto,
  TicketStatusResponseDto,
  TicketStatusSortField,
  UpdateTicketStatusDto,
} from './dto/ticket-status.dto';
import type { TicketStatusKind } from './dto/ticket-fields';
import { TicketEvents } from './ticket-events';
import { TicketsErrorCode } from './tickets.error-codes';

const STATUS_SORT: Record<TicketStatusSortField, string> = { position: 's.position', name: 's.name', kind: 's.kind', id: 's.id' };
const GROUP_SORT: Record<TicketGroupSortField, string> = { name: 'g.name', id: 'g.id' };

/**
 * The instance's ticket statuses and ticket groups. Status changes take a lock on every
 * status row, in id order, so two clerks moving the default never leave two defaults (or none).
 */
@Injectable()
export class TicketSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: TicketEvents,
  ) {}

  // ---------------------------------------------------------------- statuses

  async listStatuses(query: ListQuery<TicketStatusFilterDto, TicketStatusSortField>): Promise<ListResult<TicketStatusResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.filter.kind) {
      where.push('s.kind = ?');
      params.push(query.filter.kind);
    }
    if (query.filter.id?.length) {
      where.push('s.id IN (?)');
      params.push(query.filter.id);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM ticket_statuses s ${clause}`, params);
    const order = orderOf(STATUS_SORT[query.sort.field], query.sort.order, 's');
    const rows = await this.statusRows(this.db.manager, `${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
      ...params,
      query.limit,
      query.offset,
    ]);
    return new ListResult('ticket-statuses', rows, Number(n), query.offset);
  }

  async getStatus(id: number, em: EntityManager = this.db.manager): Promise<TicketStatusResponseDto> {
    const [row] = await this.statusRows(em, 'WHERE s.id = ?', [id]);
    if (!row) throw new NotFoundException('Ticket status', id);
    return row;
  }

  async createStatus(dto: CreateTicketStatusDto): Promise<TicketStatusResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.lockStatuses(em);
      if (dto.isDefault && dto.kind !== 'open') throw this.defaultMustBeOpen();
      const [{ next }]: { next: number }[] = await em.query('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM ticket_statuses');
      const id = await this.insertUnique(
        em,
        'INSERT INTO ticket_statuses (name, kind, position, is_default) VALUES (?, ?, ?, 0)',
        [dto.name, dto.kind, dto.position ?? Math.min(Number(next), 1000)],
        () => this.statusNameTaken(dto.name),
      );
      if (dto.isDefault) await this.makeDefault(em, id);
      const after = await this.getStatus(id, em);
      await this.audit.recordAction(em, { action: 'ticket_status.create', entityType: 'ticket_status', entityId: id, after: { ...after } });
      return after;
    });
  }

  async updateStatus(id: number, dto: UpdateTicketStatusDto): Promise<TicketStatusResponseDto> {
    nothingToChange(dto, 'name, kind, position, isDefault');
    const result = await transactionWithRetry(this.db, async (em) => {
      await this.lockStatuses(em);
      const before = await this.getStatus(id, em);
      const kind: TicketStatusKind = dto.kind ?? before.kind;
      if (before.isDefault && dto.isDefault === false) {
        throw new ConflictException(
          TicketsErrorCode.DefaultStatusRequired,
          `'${before.name}' is the default status; make another open status the default instead.`,
        );
      }
      if ((before.isDefault || dto.isDefault) && kind !== 'open') throw this.defaultMustBeOpen();
      const changes: [string, unknown][] = [];
      if (dto.name !== undefined) changes.push(['name', dto.name]);
      if (dto.kind !== undefined) changes.push(['kind', dto.kind]);
      if (dto.position !== undefined) changes.push(['position', dto.position]);
      if (changes.length) {
        await this.insertUnique(
          em,
          `UPDATE ticket_statuses SET ${changes.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`,
          [...changes.map(([, v]) => v), id],
          () => this.statusNameTaken(dto.name ?? ''),
        );
      }
      if (dto.isDefault && !before.isDefault) await this.makeDefault(em, id);
      const after = await this.getStatus(id, em);
      await this.audit.recordAction(em, {
        action: 'ticket_status.update',
        entityType: 'ticket_status',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return { after, kindChanged: before.kind !== after.kind };
    });
    // Tickets in a status whose kind changed now stand differently for their deadlines.
    if (result.kindChanged) {
      const ids: { id: number }[] = await this.db.query('SELECT id FROM tickets WHERE status_id = ?', [id]);
      await this.events.changed(ids.map((r) => Number(r.id)));
    }
    return result.after;
  }

  async deleteStatus(id: number): Promise<TicketStatusResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.lockStatuses(em);
      const before = await this.getStatus(id, em);
      if (before.isDefault) {
        throw new ConflictException(
          TicketsErrorCode.DefaultStatusRequired,
          `'${before.name}' is the default status and cannot be deleted; make another open status the default first.`,
        );
      }
      // Tickets are locked against a status change while we look, so none can move into it before the delete.
      const [{ n }]: { n: number }[] = await em.query('SELECT COUNT(*) AS n FROM tickets WHERE status_id = ? LOCK IN SHARE MODE', [id]);
      if (Number(n) > 0) {
        throw new ConflictException(
          TicketsErrorCode.StatusInUse,
          `${Number(n)} ${Number(n) === 1 ? 'ticket is' : 'tickets are'} in the status '${before.name}'; move them to another status before deleting it.`,
        );
      }
      await em.query('DELETE FROM ticket_statuses WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'ticket_status.delete',
        entityType: 'ticket_status',
        entityId: id,
        before: { ...before },
      });
      return before;
    });
  }

  private async statusRows(em: EntityManager, tail: string, params: unknown[]): Promise<TicketStatusResponseDto[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT s.id, s.name, s.kind, s.position, s.is_default, (SELECT COUNT(*) FROM tickets t WHERE t.status_id = s.id) AS n
       FROM ticket_statuses s ${tail}`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name as string,
      kind: r.kind as TicketStatusKind,
      position: Number(r.position),
      isDefault: Boolean(Number(r.is_default)),
      ticketCount: Number(r.n),
    }));
  }

  private async lockStatuses(em: EntityManager): Promise<void> {
    await em.query('SELECT id FROM ticket_statuses ORDER BY id FOR UPDATE');
  }

  private async makeDefault(em: EntityManager, id: number): Promise<void> {
    await em.query('UPDATE ticket_statuses SET is_default = (id = ?)', [id]);
  }

  private defaultMustBeOpen(): ConflictException {
    return new ConflictException(
      TicketsErrorCode.DefaultStatusRequired,
      'The default status must be of kind open: new tickets start in it.',
    );
  }

  private statusNameTaken(name: string): ConflictException {
    return new ConflictException(TicketsErrorCode.StatusNameTaken, `A ticket status named '${name}' exists already.`);
  }

  // ---------------------------------------------------------------- groups

  async listGroups(query: ListQuery<TicketGroupFilterDto, TicketGroupSortField>): Promise<ListResult<TicketGroupResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.filter.q?.trim()) {
      where.push('g.name LIKE ?');
      params.push(likeContains(query.filter.q.trim()));
    }
    if (query.filter.disabled !== undefined) {
      where.push('g.disabled = ?');
      params.push(query.filter.disabled ? 1 : 0);
    }
    if (query.filter.id?.length) {
      where.push('g.id IN (?)');
      params.push(query.filter.id);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM ticket_groups g ${clause}`, params);
    const order = orderOf(GROUP_SORT[query.sort.field], query.sort.order, 'g');
    const rows = await this.groupRows(this.db.manager, `${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
      ...params,
      query.limit,
      query.offset,
    ]);
    return new ListResult('ticket-groups', rows, Number(n), query.offset);
  }

  async getGroup(id: number, em: EntityManager = this.db.manager): Promise<TicketGroupResponseDto> {
    const [row] = await this.groupRows(em, 'WHERE g.id = ?', [id]);
    if (!row) throw new NotFoundException('Ticket group', id);
    return row;
  }

  async createGroup(dto: CreateTicketGroupDto): Promise<TicketGroupResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.checkMembers(em, dto.memberUserIds ?? []);
      const id = await this.insertUnique(
        em,
        'INSERT INTO ticket_groups (name, inbound_address, disabled) VALUES (?, ?, ?)',
        [dto.name, dto.inboundAddress ?? null, dto.disabled ? 1 : 0],
        (err) => this.groupTaken(err, dto.name, dto.inboundAddress ?? null),
      );
      await this.setMembers(em, id, dto.memberUserIds ?? []);
      const after = await this.getGroup(id, em);
      await this.audit.recordAction(em, { action: 'ticket_group.create', entityType: 'ticket_group', entityId: id, after: { ...after } });
      return after;
    });
  }

  async updateGroup(id: number, dto: UpdateTicketGroupDto): Promise<TicketGroupResponseDto> {
    nothingToChange(dto, 'name, inboundAddress, disabled, memberUserIds');
    return transactionWithRetry(this.db, async (em) => {
      const [locked]: { id: number }[] = await em.query('SELECT id FROM ticket_groups WHERE id = ? FOR UPDATE', [id]);
      if (!locked) throw new NotFoundException('Ticket group', id);
      const before = await this.getGroup(id, em);
      if (dto.memberUserIds !== undefined) await this.checkMembers(em, dto.memberUserIds);
      const changes: [string, unknown][] = [];
      if (dto.name !== undefined) changes.push(['name', dto.name]);
      if (dto.inboundAddress !== undefined) changes.push(['inbound_address', dto.inboundAddress]);
      if (dto.disabled !== undefined) changes.push(['disabled', dto.disabled ? 1 : 0]);
      if (changes.length) {
        await this.insertUnique(
          em,
          `UPDATE ticket_groups SET ${changes.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`,
          [...changes.map(([, v]) => v), id],
          (err) => this.groupTaken(err, dto.name ?? before.name, dto.inboundAddress ?? null),
        );
      }
      if (dto.memberUserIds !== undefined) {
        await em.query('DELETE FROM ticket_group_members WHERE group_id = ?', [id]);
        await this.setMembers(em, id, dto.memberUserIds);
      }
      const after = await this.getGroup(id, em);
      await this.audit.recordAction(em, {
        action: 'ticket_group.update',
        entityType: 'ticket_group',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async deleteGroup(id: number): Promise<TicketGroupResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const [locked]: { id: number }[] = await em.query('SELECT id FROM ticket_groups WHERE id = ? FOR UPDATE', [id]);
      if (!locked) throw new NotFoundException('Ticket group', id);
      const before = await this.getGroup(id, em);
      const [{ n }]: { n: number }[] = await em.query('SELECT COUNT(*) AS n FROM tickets WHERE group_id = ? LOCK IN SHARE MODE', [id]);
      if (Number(n) > 0) {
        throw new ConflictException(
          TicketsErrorCode.GroupInUse,
          `${Number(n)} ${Number(n) === 1 ? 'ticket is' : 'tickets are'} in the group '${before.name}'; disable the group instead of deleting it.`,
        );
      }
      await em.query('DELETE FROM ticket_groups WHERE id = ?', [id]);
      await this.audit.recordAction(em, { action: 'ticket_group.delete', entityType: 'ticket_group', entityId: id, before: { ...before } });
      return before;
    });
  }

  private async groupRows(em: EntityManager, tail: string, params: unknown[]): Promise<TicketGroupResponseDto[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT g.id, g.name, g.inbound_address, g.disabled, (SELECT COUNT(*) FROM tickets t WHERE t.group_id = g.id) AS n
       FROM ticket_groups g ${tail}`,
      params,
    );
    const ids = rows.map((r) => Number(r.id));
    const members = new Map<number, { userId: number; name: string }[]>(ids.map((id) => [id, []]));
    if (ids.length) {
      const found: { group_id: number; user_id: number; name: string }[] = await em.query(
        `SELECT m.group_id, m.user_id, u.name FROM ticket_group_members m JOIN staff_users u ON u.id = m.user_id
         WHERE m.group_id IN (?) ORDER BY u.name, u.id`,
        [ids],
      );
      for (const m of found) members.get(Number(m.group_id))?.push({ userId: Number(m.user_id), name: m.name });
    }
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name as string,
      inboundAddress: (r.inbound_address as string | null) ?? null,
      disabled: Boolean(Number(r.disabled)),
      members: members.get(Number(r.id)) ?? [],
      ticketCount: Number(r.n),
    }));
  }

  private async checkMembers(em: EntityManager, userIds: number[]): Promise<void> {
    if (!userIds.length) return;
    const found: { id: number }[] = await em.query('SELECT id FROM staff_users WHERE id IN (?) AND active = 1', [userIds]);
    const active = new Set(found.map((r) => Number(r.id)));
    const missing = userIds.filter((id) => !active.has(id));
    if (missing.length) {
      throw new BadInputException([
        { field: 'memberUserIds', rule: 'activeUser', message: `staff users ${missing.join(', ')} do not exist or are deactivated` },
      ]);
    }
  }

  private async setMembers(em: EntityManager, groupId: number, userIds: number[]): Promise<void> {
    if (!userIds.length) return;
    await em.query('INSERT INTO ticket_group_members (group_id, user_id) VALUES ?', [userIds.map((u) => [groupId, u])]);
  }

  private groupTaken(err: unknown, name: string, address: string | null): ConflictException {
    const message = err instanceof Error ? err.message : '';
    if (message.includes('inbound_address')) {
      return new ConflictException(TicketsErrorCode.GroupAddressTaken, `Another ticket group receives mail at ${address} already.`);
    }
    return new ConflictException(TicketsErrorCode.GroupNameTaken, `A ticket group named '${name}' exists already.`);
  }

  /** Runs a write whose unique keys may clash; a clash becomes the caller's conflict. Returns the insert id. */
  private async insertUnique(em: EntityManager, sql: string, params: unknown[], conflict: (err: unknown) => Error): Promise<number> {
    try {
      const res: { insertId: number } = await em.query(sql, params);
      return Number(res.insertId);
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict(err);
      throw err;
    }
  }
}

function orderOf(column: string, order: SortOrder, alias: string): string {
  return `${column} ${order}, ${alias}.id ${order}`;
}

function nothingToChange(dto: object, fields: string): void {
  if (Object.values(dto).every((value) => value === undefined)) {
    throw new BadInputException([{ field: 'body', rule: 'nothingToChange', message: `give at least one of ${fields}` }]);
  }
}
