import type { EntityManager } from 'typeorm';
import type { TicketPriority, TicketStatusKind } from '../tickets/dto/ticket-fields';
import type { BusinessCalendar, IsoWeekday, OpenInterval } from './business-time';
import type { DeadlineKind } from './dto/ticket-deadline-state.dto';

/** What the deadlines of a ticket depend on, read from the tickets module's shared tables. */
export interface TicketFacts {
  id: number;
  accountId: number | null;
  subject: string;
  statusKind: TicketStatusKind;
  priority: TicketPriority;
  groupId: number | null;
  assigneeUserId: number | null;
  createdByUserId: number | null;
  createdAt: Date;
  firstRespondedAt: Date | null;
  mergedIntoTicketId: number | null;
}

export interface TargetRow {
  id: number;
  groupId: number | null;
  groupName: string | null;
  priority: TicketPriority;
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
  raisePriorityOnBreach: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface BreachRow {
  kind: DeadlineKind;
  dueAt: Date;
  breachedAt: Date;
  priorityRaised: boolean;
  notifiedUsers: number;
  accountTaskId: number | null;
}

export interface StaffRecipient {
  id: number;
  email: string;
  name: string;
}

const nullableNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export async function ticketFacts(em: EntityManager, ticketId: number): Promise<TicketFacts | null> {
  const [row]: Record<string, unknown>[] = await em.query(
    `SELECT t.id, t.account_id, t.subject, s.kind AS status_kind, t.priority, t.group_id, t.assignee_user_id,
            t.created_by_user_id, t.created_at, t.first_responded_at, t.merged_into_ticket_id
       FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id
      WHERE t.id = ?`,
    [ticketId],
  );
  if (!row) return null;
  return {
    id: Number(row.id),
    accountId: nullableNumber(row.account_id),
    subject: String(row.subject),
    statusKind: row.status_kind as TicketStatusKind,
    priority: row.priority as TicketPriority,
    groupId: nullableNumber(row.group_id),
    assigneeUserId: nullableNumber(row.assignee_user_id),
    createdByUserId: nullableNumber(row.created_by_user_id),
    createdAt: new Date(row.created_at as Date),
    firstRespondedAt: row.first_responded_at ? new Date(row.first_responded_at as Date) : null,
    mergedIntoTicketId: nullableNumber(row.merged_into_ticket_id),
  };
}

/** A ticket that can still breach: not merged away, not closed. */
export function isLive(ticket: TicketFacts): boolean {
  return ticket.mergedIntoTicketId === null && ticket.statusKind !== 'closed';
}

/** Open tickets (by status kind, not merged) after `afterId`, in id order, with their accounts. */
export async function liveTicketsPage(
  em: EntityManager,
  afterId: number,
  limit: number,
): Promise<{ id: number; accountId: number | null }[]> {
  const rows: { id: number; account_id: number | null }[] = await em.query(
    `SELECT t.id, t.account_id FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id
      WHERE t.id > ? AND t.merged_into_ticket_id IS NULL AND s.kind <> 'closed'
      ORDER BY t.id LIMIT ?`,
    [afterId, limit],
  );
  return rows.map((r) => ({ id: Number(r.id), accountId: nullableNumber(r.account_id) }));
}

export async function businessHours(em: EntityManager): Promise<{ intervals: OpenInterval[]; updatedAt: Date | null }> {
  const rows: { weekday: number; opens_minute: number; closes_minute: number; updated_at: Date }[] = await em.query(
    'SELECT weekday, opens_minute, closes_minute, updated_at FROM ticket_business_hours ORDER BY weekday, opens_minute, id',
  );
  const updatedAt = rows.reduce<Date | null>((latest, r) => (!latest || r.updated_at > latest ? r.updated_at : latest), null);
  return {
    intervals: rows.map((r) => ({
      weekday: Number(r.weekday) as IsoWeekday,
      opensMinute: Number(r.opens_minute),
      closesMinute: Number(r.closes_minute),
    })),
    updatedAt,
  };
}

export async function replaceBusinessHours(em: EntityManager, intervals: OpenInterval[]): Promise<void> {
  await em.query('DELETE FROM ticket_business_hours');
  if (!intervals.length) return;
  await em.query(
    `INSERT INTO ticket_business_hours (weekday, opens_minute, closes_minute) VALUES ${intervals.map(() => '(?, ?, ?)').join(', ')}`,
    [...intervals.flatMap((i) => [i.weekday, i.opensMinute, i.closesMinute])],
  );
}

/** The instance's business calendar, with the holidays from `fromDate` on (earlier ones cannot matter). */
export async function businessCalendar(em: EntityManager, timeZone: string, fromDate: string): Promise<BusinessCalendar> {
  const { intervals } = await businessHours(em);
  const holidays: { date: string }[] = await em.query(
    "SELECT DATE_FORMAT(date, '%Y-%m-%d') AS date FROM ticket_holidays WHERE date >= ? ORDER BY date",
    [fromDate],
  );
  return { timeZone, hours: intervals, holidays: holidays.map((h) => h.date) };
}

const TARGET_COLUMNS = `t.id, t.group_id, g.name AS group_name, t.priority, t.first_response_seconds, t.resolution_seconds,
  t.raise_priority_on_breach, t.created_at, t.updated_at`;

function toTarget(row: Record<string, unknown>): TargetRow {
  return {
    id: Number(row.id),
    groupId: nullableNumber(row.group_id),
    groupName: (row.group_name as string | null) ?? null,
    priority: row.priority as TicketPriority,
    firstResponseSeconds: nullableNumber(row.first_response_seconds),
    resolutionSeconds: nullableNumber(row.resolution_seconds),
    raisePriorityOnBreach: Boolean(Number(row.raise_priority_on_breach)),
    createdAt: new Date(row.created_at as Date),
    updatedAt: new Date(row.updated_at as Date),
  };
}

/** The scope a target is unique in: one default, and one per group, for each priority. */
export function scopeKey(groupId: number | null): string {
  return groupId === null ? 'default' : `group:${groupId}`;
}

export async function targetById(em: EntityManager, id: number, lock = false): Promise<TargetRow | null> {
  const [row]: Record<string, unknown>[] = await em.query(
    `SELECT ${TARGET_COLUMNS} FROM ticket_deadline_targets t LEFT JOIN ticket_groups g ON g.id = t.group_id WHERE t.id = ?${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ? toTarget(row) : null;
}

/** The group's own target for the priority, else the default one, else none. */
export async function targetFor(em: EntityManager, groupId: number | null, priority: TicketPriority): Promise<TargetRow | null> {
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT ${TARGET_COLUMNS} FROM ticket_deadline_targets t LEFT JOIN ticket_groups g ON g.id = t.group_id
      WHERE t.priority = ? AND t.scope_key IN (?, 'default')
      ORDER BY t.group_id IS NULL, t.id LIMIT 1`,
    [priority, scopeKey(groupId)],
  );
  return rows[0] ? toTarget(rows[0]) : null;
}

export interface TargetQuery {
  ids?: number[];
  groupId?: number;
  priority?: TicketPriority;
  sort: { column: string; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
}

export async function listTargets(em: EntityManager, q: TargetQuery): Promise<{ rows: TargetRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.ids?.length) {
    where.push('t.id IN (?)');
    params.push(q.ids);
  }
  if (q.groupId !== undefined) {
    where.push('t.group_id = ?');
    params.push(q.groupId);
  }
  if (q.priority) {
    where.push('t.priority = ?');
    params.push(q.priority);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ n }]: { n: number }[] = await em.query(`SELECT COUNT(*) AS n FROM ticket_deadline_targets t ${clause}`, params);
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT ${TARGET_COLUMNS} FROM ticket_deadline_targets t LEFT JOIN ticket_groups g ON g.id = t.group_id ${clause}
      ORDER BY ${q.sort.column} ${q.sort.order}, t.id ${q.sort.order} LIMIT ? OFFSET ?`,
    [...params, q.limit, q.offset],
  );
  return { rows: rows.map(toTarget), total: Number(n) };
}

export async function groupExists(em: EntityManager, groupId: number): Promise<boolean> {
  const rows: unknown[] = await em.query('SELECT 1 FROM ticket_groups WHERE id = ?', [groupId]);
  return rows.length > 0;
}

/** The assignee and the members of the group, each once, active staff only. */
export async function breachRecipients(
  em: EntityManager,
  assigneeUserId: number | null,
  groupId: number | null,
): Promise<StaffRecipient[]> {
  const rows: { id: number; email: string; name: string }[] = await em.query(
    `SELECT u.id, u.email, u.name FROM staff_users u
      WHERE u.active = 1 AND (u.id = ? OR u.id IN (SELECT m.user_id FROM ticket_group_members m WHERE m.group_id = ?))
      ORDER BY u.id`,
    [assigneeUserId ?? 0, groupId ?? 0],
  );
  return rows.map((r) => ({ id: Number(r.id), email: r.email, name: r.name }));
}

export async function breachesOf(em: EntityManager, ticketId: number): Promise<BreachRow[]> {
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT kind, due_at, breached_at, priority_raised, notified_users, account_task_id
       FROM ticket_deadline_breaches WHERE ticket_id = ? ORDER BY breached_at, id`,
    [ticketId],
  );
  return rows.map((r) => ({
    kind: r.kind as DeadlineKind,
    dueAt: new Date(r.due_at as Date),
    breachedAt: new Date(r.breached_at as Date),
    priorityRaised: Boolean(Number(r.priority_raised)),
    notifiedUsers: Number(r.notified_users),
    accountTaskId: nullableNumber(r.account_task_id),
  }));
}

export async function insertBreach(
  em: EntityManager,
  b: { ticketId: number; kind: DeadlineKind; dueAt: Date; breachedAt: Date; priorityBefore: TicketPriority },
): Promise<number> {
  const result: { insertId: number } = await em.query(
    'INSERT INTO ticket_deadline_breaches (ticket_id, kind, due_at, breached_at, priority_before) VALUES (?, ?, ?, ?, ?)',
    [b.ticketId, b.kind, b.dueAt, b.breachedAt, b.priorityBefore],
  );
  return Number(result.insertId);
}

export async function completeBreach(
  em: EntityManager,
  id: number,
  done: { priorityRaised: boolean; notifiedUsers: number; accountTaskId: number | null },
): Promise<void> {
  await em.query('UPDATE ticket_deadline_breaches SET priority_raised = ?, notified_users = ?, account_task_id = ? WHERE id = ?', [
    done.priorityRaised,
    done.notifiedUsers,
    done.accountTaskId,
    id,
  ]);
}

export async function saveDeadlines(
  em: EntityManager,
  ticketId: number,
  due: { firstResponseDueAt: Date | null; resolutionDueAt: Date | null },
): Promise<void> {
  await em.query(
    `INSERT INTO ticket_deadlines (ticket_id, first_response_due_at, resolution_due_at) VALUES (?, ?, ?)
     ON DUPLICATE KEY UPDATE first_response_due_at = VALUES(first_response_due_at), resolution_due_at = VALUES(resolution_due_at)`,
    [ticketId, due.firstResponseDueAt, due.resolutionDueAt],
  );
}

export async function savedDeadlines(
  em: EntityManager,
  ticketId: number,
): Promise<{ firstResponseDueAt: Date | null; resolutionDueAt: Date | null } | null> {
  const [row]: { first_response_due_at: Date | null; resolution_due_at: Date | null }[] = await em.query(
    'SELECT first_response_due_at, resolution_due_at FROM ticket_deadlines WHERE ticket_id = ?',
    [ticketId],
  );
  return row ? { firstResponseDueAt: row.first_response_due_at, resolutionDueAt: row.resolution_due_at } : null;
}
