import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/errors';
import type { SortOrder } from '../common/list-query';
import type { CallLogResponseDto, CallLogSortField, CallLogTicketDto } from './dto/call-log.dto';
import type { CallLogTicketRequestResponseDto, TicketRequestKind, TicketRequestStatus } from './dto/call-log-ticket-request.dto';
import { likeContains } from '../common/sql-like';

export type CallLogRow = Omit<CallLogResponseDto, 'ticketRequests' | 'tickets'>;

export interface CallLogListFilter {
  q?: string;
  attendantUserId?: number;
  calledFrom?: Date;
  calledTo?: Date;
  ids?: number[];
}

const COLUMNS = `c.id, c.account_id, c.subject, c.duration_seconds, c.attendant_user_id, a.name AS attendant_name, c.called_at,
  c.notes, c.created_by, cb.name AS created_by_name, c.created_at, c.updated_at`;
const FROM = 'call_logs c JOIN staff_users a ON a.id = c.attendant_user_id JOIN staff_users cb ON cb.id = c.created_by';
const SORT_COLUMNS: Record<CallLogSortField, string> = {
  calledAt: 'c.called_at',
  durationSeconds: 'c.duration_seconds',
  subject: 'c.subject',
  id: 'c.id',
};

const TICKET_COLUMNS = `t.id, t.call_log_id, t.kind, t.subject, t.description, t.account_id, t.assignee_user_id, u.name AS assignee_name,
  t.status, tk.id AS ticket_id, t.created_by, t.created_at`;
const TICKET_FROM = `call_log_ticket_requests t LEFT JOIN staff_users u ON u.id = t.assignee_user_id
  LEFT JOIN tickets tk ON tk.call_log_ticket_request_id = t.id`;

const iso = (value: unknown): string => (value as Date).toISOString();

function toRow(r: Record<string, unknown>): CallLogRow {
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    subject: r.subject as string,
    durationSeconds: Number(r.duration_seconds),
    attendantUserId: Number(r.attendant_user_id),
    attendantName: r.attendant_name as string,
    calledAt: iso(r.called_at),
    notes: (r.notes as string | null) ?? null,
    createdBy: Number(r.created_by),
    createdByName: r.created_by_name as string,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

function toTicketRequest(r: Record<string, unknown>): CallLogTicketRequestResponseDto {
  return {
    id: Number(r.id),
    callLogId: r.call_log_id === null ? null : Number(r.call_log_id),
    kind: r.kind as TicketRequestKind,
    subject: r.subject as string,
    description: (r.description as string | null) ?? null,
    accountId: Number(r.account_id),
    assigneeUserId: r.assignee_user_id === null ? null : Number(r.assignee_user_id),
    assigneeName: (r.assignee_name as string | null) ?? null,
    status: r.status as TicketRequestStatus,
    ticketId: r.ticket_id === null || r.ticket_id === undefined ? null : Number(r.ticket_id),
    createdBy: Number(r.created_by),
    createdAt: iso(r.created_at),
  };
}

/** The SQL of call_logs and call_log_ticket_requests, in one place. */
@Injectable()
export class CallLogRows {
  async find(em: EntityManager, id: number): Promise<CallLogRow | null> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = ?`, [id]);
    return row ? toRow(row) : null;
  }

  async require(em: EntityManager, id: number): Promise<CallLogRow> {
    const row = await this.find(em, id);
    if (!row) throw new NotFoundException('Call log', id);
    return row;
  }

  async accountOf(em: EntityManager, id: number): Promise<number | null> {
    const [row]: { account_id: number }[] = await em.query('SELECT account_id FROM call_logs WHERE id = ?', [id]);
    return row ? Number(row.account_id) : null;
  }

  async listForAccount(
    em: EntityManager,
    accountId: number,
    filter: CallLogListFilter,
    sort: { field: CallLogSortField; order: SortOrder },
    offset: number,
    limit: number,
  ): Promise<{ rows: CallLogRow[]; total: number }> {
    const where = ['c.account_id = ?'];
    const params: unknown[] = [accountId];
    if (filter.q?.trim()) {
      where.push('(c.subject LIKE ? OR c.notes LIKE ?)');
      params.push(likeContains(filter.q.trim()), likeContains(filter.q.trim()));
    }
    if (filter.attendantUserId) {
      where.push('c.attendant_user_id = ?');
      params.push(filter.attendantUserId);
    }
    if (filter.calledFrom) {
      where.push('c.called_at >= ?');
      params.push(filter.calledFrom);
    }
    if (filter.calledTo) {
      where.push('c.called_at <= ?');
      params.push(filter.calledTo);
    }
    if (filter.ids?.length) {
      where.push('c.id IN (?)');
      params.push(filter.ids);
    }
    const clause = where.join(' AND ');
    const [{ n }]: { n: number }[] = await em.query(`SELECT COUNT(*) AS n FROM call_logs c WHERE ${clause}`, params);
    const order = `${SORT_COLUMNS[sort.field]} ${sort.order}, c.id ${sort.order}`;
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return { rows: rows.map(toRow), total: Number(n) };
  }

  async insert(
    em: EntityManager,
    call: {
      accountId: number;
      subject: string;
      durationSeconds: number;
      attendantUserId: number;
      calledAt: Date;
      notes: string | null;
      createdBy: number;
    },
  ): Promise<number> {
    const res: { insertId: number } = await em.query(
      `INSERT INTO call_logs (account_id, subject, duration_seconds, attendant_user_id, called_at, notes, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [call.accountId, call.subject, call.durationSeconds, call.attendantUserId, call.calledAt, call.notes, call.createdBy],
    );
    return Number(res.insertId);
  }

  async update(
    em: EntityManager,
    id: number,
    changes: Partial<{ subject: string; durationSeconds: number; attendantUserId: number; calledAt: Date; notes: string | null }>,
  ): Promise<void> {
    const columns: Record<keyof typeof changes, string> = {
      subject: 'subject',
      durationSeconds: 'duration_seconds',
      attendantUserId: 'attendant_user_id',
      calledAt: 'called_at',
      notes: 'notes',
    };
    const keys = (Object.keys(changes) as (keyof typeof changes)[]).filter((key) => changes[key] !== undefined);
    if (!keys.length) return;
    await em.query(`UPDATE call_logs SET ${keys.map((key) => `${columns[key]} = ?`).join(', ')} WHERE id = ?`, [
      ...keys.map((key) => changes[key]),
      id,
    ]);
  }

  async delete(em: EntityManager, id: number): Promise<void> {
    await em.query('DELETE FROM call_logs WHERE id = ?', [id]);
  }

  async ticketRequestsOf(em: EntityManager, callLogIds: number[]): Promise<Map<number, CallLogTicketRequestResponseDto[]>> {
    const byCall = new Map<number, CallLogTicketRequestResponseDto[]>(callLogIds.map((id) => [id, []]));
    if (!callLogIds.length) return byCall;
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM} WHERE t.call_log_id IN (?) ORDER BY t.id`,
      [callLogIds],
    );
    for (const row of rows.map(toTicketRequest)) byCall.get(row.callLogId as number)?.push(row);
    return byCall;
  }

  /** Reads the tickets table (shared by the tickets module) for the tickets each call became. */
  async ticketsOf(em: EntityManager, callLogIds: number[]): Promise<Map<number, CallLogTicketDto[]>> {
    const byCall = new Map<number, CallLogTicketDto[]>(callLogIds.map((id) => [id, []]));
    if (!callLogIds.length) return byCall;
    const rows: { id: number; call_log_id: number; subject: string; visibility: 'internal' | 'public' }[] = await em.query(
      'SELECT id, call_log_id, subject, visibility FROM tickets WHERE call_log_id IN (?) ORDER BY id',
      [callLogIds],
    );
    for (const r of rows) byCall.get(Number(r.call_log_id))?.push({ id: Number(r.id), subject: r.subject, visibility: r.visibility });
    return byCall;
  }

  async ticketRequest(em: EntityManager, id: number): Promise<CallLogTicketRequestResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM} WHERE t.id = ?`, [id]);
    if (!row) throw new NotFoundException('Ticket request', id);
    return toTicketRequest(row);
  }

  async insertTicketRequest(
    em: EntityManager,
    request: {
      callLogId: number;
      kind: TicketRequestKind;
      subject: string;
      description: string | null;
      accountId: number;
      assigneeUserId: number | null;
      createdBy: number;
    },
  ): Promise<number> {
    const res: { insertId: number } = await em.query(
      `INSERT INTO call_log_ticket_requests (call_log_id, kind, subject, description, account_id, assignee_user_id, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [request.callLogId, request.kind, request.subject, request.description, request.accountId, request.assigneeUserId, request.createdBy],
    );
    return Number(res.insertId);
  }

  async ticketRequestAccount(em: EntityManager, id: number): Promise<number | null> {
    const [row]: { account_id: number }[] = await em.query('SELECT account_id FROM call_log_ticket_requests WHERE id = ?', [id]);
    return row ? Number(row.account_id) : null;
  }

  async markTicketRequestConverted(em: EntityManager, id: number): Promise<void> {
    await em.query(`UPDATE call_log_ticket_requests SET status = 'converted' WHERE id = ?`, [id]);
  }
}
