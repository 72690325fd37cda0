import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/errors';
import type { SortOrder } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import type { CalendarBookingDto, JobAttachmentKind, JobResponseDto, JobSortField, JobTechnicianDto } from './dto/job.dto';
import { actionsOf, BOOKED_STATUSES, type JobStatus } from './job-statuses';

/** A job as its own row holds it, before the names and counts a response adds. */
export interface JobRecord {
  id: number;
  accountId: number;
  jobTypeId: number;
  status: JobStatus;
  durationMinutes: number;
  startsAt: Date | null;
  endsAt: Date | null;
  notes: string | null;
  scheduleRevision: number;
}

export interface JobListFilter {
  accountId?: number;
  q?: string;
  statuses?: JobStatus[];
  jobTypeIds?: number[];
  technicianId?: number;
  scheduledFrom?: Date;
  scheduledTo?: Date;
  ticketId?: number;
  ids?: number[];
}

/** Another job holding one of the technicians at an overlapping time. */
export interface BookingClash {
  jobId: number;
  technicianId: number;
  technicianName: string;
  jobTypeName: string;
  accountId: number;
  accountName: string;
  startsAt: Date;
  endsAt: Date;
}

/** A booking still ahead, as the reminder's reconciliation looks at it. */
export interface BookingAhead {
  id: number;
  accountId: number;
  startsAt: Date;
  scheduleRevision: number;
}

/** The ticket a job shows: the lowest-numbered ticket linking to it (a merged ticket's links move to the survivor). */
const TICKET_OF_JOB = `(SELECT MIN(l.ticket_id) FROM ticket_links l WHERE l.kind = 'job' AND l.target_id = j.id)`;

const COLUMNS = `j.id, j.account_id, a.name AS account_name, j.job_type_id, t.name AS job_type_name, t.color AS job_type_color,
  j.status, j.duration_minutes, j.starts_at, j.ends_at, j.notes, j.status_reason, j.completed_at, j.completion_result,
  j.created_by, cb.name AS created_by_name, j.created_at, j.updated_at, tk.id AS ticket_id, tk.subject AS ticket_subject,
  (SELECT COUNT(*) FROM job_attachments x WHERE x.job_id = j.id AND x.task_id IS NOT NULL) AS task_count,
  (SELECT COUNT(*) FROM job_attachments x WHERE x.job_id = j.id AND x.file_id IS NOT NULL) AS file_count`;
const FROM = `jobs j
  JOIN accounts a ON a.id = j.account_id
  JOIN job_types t ON t.id = j.job_type_id
  LEFT JOIN staff_users cb ON cb.id = j.created_by
  LEFT JOIN tickets tk ON tk.id = ${TICKET_OF_JOB}`;

/** Unscheduled jobs sort as the latest, so "newest first" puts the work still to plan on top. */
const SORT_COLUMNS: Record<JobSortField, string> = {
  startsAt: `COALESCE(j.starts_at, '9999-12-31')`,
  id: 'j.id',
  createdAt: 'j.created_at',
  status: 'j.status',
  durationMinutes: 'j.duration_minutes',
  jobTypeName: 't.name',
  accountName: 'a.name',
};

const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : (value as Date).toISOString());

function json(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
}

function toResponse(r: Record<string, unknown>, technicians: JobTechnicianDto[]): JobResponseDto {
  const status = r.status as JobStatus;
  const notes = (r.notes as string | null) ?? null;
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    accountName: r.account_name as string,
    jobTypeId: Number(r.job_type_id),
    jobTypeName: r.job_type_name as string,
    jobTypeColor: r.job_type_color as string,
    status,
    durationMinutes: Number(r.duration_minutes),
    startsAt: isoOrNull(r.starts_at),
    endsAt: isoOrNull(r.ends_at),
    technicians,
    notes,
    hasNotes: notes !== null,
    ticketId: r.ticket_id === null ? null : Number(r.ticket_id),
    ticketSubject: (r.ticket_subject as string | null) ?? null,
    taskCount: Number(r.task_count),
    fileCount: Number(r.file_count),
    statusReason: (r.status_reason as string | null) ?? null,
    completedAt: isoOrNull(r.completed_at),
    completionResult: json(r.completion_result),
    actions: actionsOf(status),
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdByName: (r.created_by_name as string | null) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
  };
}

function toRecord(r: Record<string, unknown>): JobRecord {
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    jobTypeId: Number(r.job_type_id),
    status: r.status as JobStatus,
    durationMinutes: Number(r.duration_minutes),
    startsAt: (r.starts_at as Date | null) ?? null,
    endsAt: (r.ends_at as Date | null) ?? null,
    notes: (r.notes as string | null) ?? null,
    scheduleRevision: Number(r.schedule_revision),
  };
}

/** The SQL of jobs, job_technicians and job_attachments, in one place. */
@Injectable()
export class JobRows {
  async accountOf(em: EntityManager, id: number): Promise<number | null> {
    const [row]: { account_id: number }[] = await em.query('SELECT account_id FROM jobs WHERE id = ?', [id]);
    return row ? Number(row.account_id) : null;
  }

  /** The job's row under an exclusive lock; the caller holds the account's lock already. */
  async lock(em: EntityManager, id: number): Promise<JobRecord> {
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT id, account_id, job_type_id, status, duration_minutes, starts_at, ends_at, notes, schedule_revision
         FROM jobs WHERE id = ? FOR UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundException('Job', id);
    return toRecord(row);
  }

  async find(em: EntityManager, id: number): Promise<JobResponseDto | null> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE j.id = ?`, [id]);
    if (!row) return null;
    return toResponse(row, (await this.techniciansOf(em, [id])).get(id) ?? []);
  }

  async require(em: EntityManager, id: number): Promise<JobResponseDto> {
    const job = await this.find(em, id);
    if (!job) throw new NotFoundException('Job', id);
    return job;
  }

  async list(
    em: EntityManager,
    filter: JobListFilter,
    sort: { field: JobSortField; order: SortOrder },
    offset: number,
    limit: number,
  ): Promise<{ rows: JobResponseDto[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (filter.accountId !== undefined) add('j.account_id = ?', filter.accountId);
    const q = filter.q?.trim();
    if (q) {
      const like = likeContains(q);
      if (/^\d{1,9}$/.test(q)) add('(j.id = ? OR j.notes LIKE ? OR t.name LIKE ? OR a.name LIKE ?)', Number(q), like, like, like);
      else add('(j.notes LIKE ? OR t.name LIKE ? OR a.name LIKE ?)', like, like, like);
    }
    if (filter.statuses?.length) add('j.status IN (?)', filter.statuses);
    if (filter.jobTypeIds?.length) add('j.job_type_id IN (?)', filter.jobTypeIds);
    if (filter.technicianId !== undefined) {
      add('EXISTS (SELECT 1 FROM job_technicians jt WHERE jt.job_id = j.id AND jt.technician_user_id = ?)', filter.technicianId);
    }
    if (filter.scheduledFrom) add('j.starts_at >= ?', filter.scheduledFrom);
    if (filter.scheduledTo) add('j.starts_at < ?', filter.scheduledTo);
    if (filter.ticketId !== undefined) {
      add(`EXISTS (SELECT 1 FROM ticket_links l WHERE l.kind = 'job' AND l.target_id = j.id AND l.ticket_id = ?)`, filter.ticketId);
    }
    if (filter.ids?.length) add('j.id IN (?)', filter.ids);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await em.query(
      `SELECT COUNT(*) AS n FROM jobs j JOIN accounts a ON a.id = j.account_id JOIN job_types t ON t.id = j.job_type_id ${clause}`,
      params,
    );
    const order = `${SORT_COLUMNS[sort.field]} ${sort.order}, j.id ${sort.order}`;
    const rows: Record<string, unknown>[] = await em.query(`SELECT ${COLUMNS} FROM ${FROM} ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
      ...params,
      limit,
      offset,
    ]);
    const technicians = await this.techniciansOf(
      em,
      rows.map((r) => Number(r.id)),
    );
    return { rows: rows.map((r) => toResponse(r, technicians.get(Number(r.id)) ?? [])), total: Number(n) };
  }

  async techniciansOf(em: EntityManager, jobIds: number[]): Promise<Map<number, JobTechnicianDto[]>> {
    const result = new Map<number, JobTechnicianDto[]>();
    if (!jobIds.length) return result;
    const rows: { job_id: number; id: number; name: string; color: string }[] = await em.query(
      `SELECT jt.job_id, jt.technician_user_id AS id, u.name, tc.color
         FROM job_technicians jt
         JOIN technicians tc ON tc.user_id = jt.technician_user_id
         JOIN staff_users u ON u.id = jt.technician_user_id
        WHERE jt.job_id IN (?) ORDER BY jt.job_id, u.name, jt.technician_user_id`,
      [jobIds],
    );
    for (const r of rows) {
      const list = result.get(Number(r.job_id)) ?? [];
      list.push({ id: Number(r.id), name: r.name, color: r.color });
      result.set(Number(r.job_id), list);
    }
    return result;
  }

  async insert(
    em: EntityManager,
    job: { accountId: number; jobTypeId: number; durationMinutes: number; notes: string | null; createdBy: number },
  ): Promise<number> {
    const res: { insertId: number } = await em.query(
      'INSERT INTO jobs (account_id, job_type_id, duration_minutes, notes, created_by) VALUES (?, ?, ?, ?, ?)',
      [job.accountId, job.jobTypeId, job.durationMinutes, job.notes, job.createdBy],
    );
    return Number(res.insertId);
  }

  async updateFields(
    em: EntityManager,
    id: number,
    fields: { jobTypeId?: number; durationMinutes?: number; notes?: string | null },
  ): Promise<void> {
    const columns: [string, unknown][] = [
      ['job_type_id', fields.jobTypeId],
      ['duration_minutes', fields.durationMinutes],
      ['notes', fields.notes],
    ];
    const given = columns.filter(([, value]) => value !== undefined);
    if (!given.length) return;
    await em.query(`UPDATE jobs SET ${given.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`, [...given.map(([, v]) => v), id]);
  }

  async delete(em: EntityManager, id: number): Promise<void> {
    await em.query('DELETE FROM jobs WHERE id = ?', [id]);
  }

  /**
   * Locks the technicians' rows in id order: every booking of a technician passes
   * through its row, so two bookings of one technician queue here and the second
   * sees what the first committed. Answers the ids that exist, are active and whose
   * staff user is active.
   */
  async lockTechnicians(em: EntityManager, userIds: number[]): Promise<Set<number>> {
    const sorted = [...new Set(userIds)].sort((a, b) => a - b);
    const rows: { user_id: number; bookable: number }[] = await em.query(
      `SELECT tc.user_id, (tc.active = 1 AND u.active = 1) AS bookable
         FROM technicians tc JOIN staff_users u ON u.id = tc.user_id
        WHERE tc.user_id IN (?) ORDER BY tc.user_id FOR UPDATE`,
      [sorted],
    );
    return new Set(rows.filter((r) => Number(r.bookable) === 1).map((r) => Number(r.user_id)));
  }

  /** Other booked jobs of these technicians overlapping [startsAt, endsAt): the half-open rule lets one job start as another ends. */
  async clashes(em: EntityManager, jobId: number, technicianIds: number[], startsAt: Date, endsAt: Date): Promise<BookingClash[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT jt.job_id, jt.technician_user_id, u.name AS technician_name, t.name AS job_type_name, j.account_id,
              a.name AS account_name, j.starts_at, j.ends_at
         FROM job_technicians jt
         JOIN jobs j ON j.id = jt.job_id
         JOIN job_types t ON t.id = j.job_type_id
         JOIN accounts a ON a.id = j.account_id
         JOIN staff_users u ON u.id = jt.technician_user_id
        WHERE jt.technician_user_id IN (?) AND jt.job_id <> ? AND j.status IN (?)
          AND jt.starts_at < ? AND jt.ends_at > ?
        ORDER BY jt.starts_at, jt.job_id, jt.technician_user_id`,
      [technicianIds, jobId, BOOKED_STATUSES, endsAt, startsAt],
    );
    return rows.map((r) => ({
      jobId: Number(r.job_id),
      technicianId: Number(r.technician_user_id),
      technicianName: r.technician_name as string,
      jobTypeName: r.job_type_name as string,
      accountId: Number(r.account_id),
      accountName: r.account_name as string,
      startsAt: r.starts_at as Date,
      endsAt: r.ends_at as Date,
    }));
  }

  async technicianIdsOf(em: EntityManager, jobId: number): Promise<number[]> {
    const rows: { technician_user_id: number }[] = await em.query(
      'SELECT technician_user_id FROM job_technicians WHERE job_id = ? ORDER BY technician_user_id',
      [jobId],
    );
    return rows.map((r) => Number(r.technician_user_id));
  }

  /** Books the job: its interval, its technicians (replacing any before), status scheduled and a new revision. */
  async book(em: EntityManager, jobId: number, startsAt: Date, durationMinutes: number, technicianIds: number[]): Promise<void> {
    const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
    await em.query(
      `UPDATE jobs SET status = 'scheduled', starts_at = ?, ends_at = ?, duration_minutes = ?, status_reason = NULL,
              schedule_revision = schedule_revision + 1 WHERE id = ?`,
      [startsAt, endsAt, durationMinutes, jobId],
    );
    await em.query('DELETE FROM job_technicians WHERE job_id = ?', [jobId]);
    await em.query('INSERT INTO job_technicians (job_id, technician_user_id, starts_at, ends_at) VALUES ?', [
      [...technicianIds].sort((a, b) => a - b).map((id) => [jobId, id, startsAt, endsAt]),
    ]);
  }

  /** A page, by id, of the jobs booked to start after `now`: each should have its reminder process waiting. */
  async bookingsAhead(em: EntityManager, now: Date, afterId: number, limit: number): Promise<BookingAhead[]> {
    const rows: { id: number; account_id: number; starts_at: Date; schedule_revision: number }[] = await em.query(
      `SELECT id, account_id, starts_at, schedule_revision FROM jobs
        WHERE status = 'scheduled' AND starts_at > ? AND id > ? ORDER BY id LIMIT ?`,
      [now, afterId, limit],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      accountId: Number(r.account_id),
      startsAt: r.starts_at,
      scheduleRevision: Number(r.schedule_revision),
    }));
  }

  /** Takes the job off the calendar: no time, no technicians. */
  async unbook(em: EntityManager, jobId: number): Promise<void> {
    await em.query(
      `UPDATE jobs SET status = 'not_scheduled', starts_at = NULL, ends_at = NULL, schedule_revision = schedule_revision + 1 WHERE id = ?`,
      [jobId],
    );
    await em.query('DELETE FROM job_technicians WHERE job_id = ?', [jobId]);
  }

  /** A move that keeps the booking as it is (en route, completed, failed, cancelled); a new revision ends any reminder. */
  async moveStatus(
    em: EntityManager,
    jobId: number,
    status: JobStatus,
    fields: { reason?: string | null; completedAt?: Date; completionResult?: Record<string, unknown> | null },
  ): Promise<void> {
    await em.query(
      `UPDATE jobs SET status = ?, status_reason = COALESCE(?, status_reason), completed_at = COALESCE(?, completed_at),
              completion_result = COALESCE(?, completion_result), schedule_revision = schedule_revision + 1 WHERE id = ?`,
      [
        status,
        fields.reason ?? null,
        fields.completedAt ?? null,
        fields.completionResult ? JSON.stringify(fields.completionResult) : null,
        jobId,
      ],
    );
  }

  async countOfType(em: EntityManager, jobTypeId: number): Promise<number> {
    const [{ n }]: { n: number }[] = await em.query('SELECT COUNT(*) AS n FROM jobs WHERE job_type_id = ?', [jobTypeId]);
    return Number(n);
  }

  async bookingsOfTechnician(em: EntityManager, userId: number): Promise<number> {
    const [{ n }]: { n: number }[] = await em.query('SELECT COUNT(*) AS n FROM job_technicians WHERE technician_user_id = ?', [userId]);
    return Number(n);
  }

  async attach(em: EntityManager, jobId: number, kind: JobAttachmentKind, targetId: number, userId: number): Promise<boolean> {
    const column = kind === 'task' ? 'task_id' : 'file_id';
    const res: { affectedRows: number } = await em.query(
      `INSERT IGNORE INTO job_attachments (job_id, ${column}, created_by) VALUES (?, ?, ?)`,
      [jobId, targetId, userId],
    );
    return Number(res.affectedRows) > 0;
  }

  async detach(em: EntityManager, jobId: number, kind: JobAttachmentKind, targetId: number): Promise<boolean> {
    const column = kind === 'task' ? 'task_id' : 'file_id';
    const res: { affectedRows: number } = await em.query(`DELETE FROM job_attachments WHERE job_id = ? AND ${column} = ?`, [
      jobId,
      targetId,
    ]);
    return Number(res.affectedRows) > 0;
  }

  async attachmentsOf(em: EntityManager, jobId: number): Promise<{ kind: JobAttachmentKind; targetId: number }[]> {
    const rows: { task_id: number | null; file_id: number | null }[] = await em.query(
      'SELECT task_id, file_id FROM job_attachments WHERE job_id = ? ORDER BY id',
      [jobId],
    );
    return rows.map((r) =>
      r.task_id !== null ? { kind: 'task', targetId: Number(r.task_id) } : { kind: 'file', targetId: Number(r.file_id) },
    );
  }

  /** Bookings of scheduled, en-route, completed and failed jobs overlapping [from, to), one per technician. */
  async calendar(em: EntityManager, from: Date, to: Date, technicianId?: number): Promise<CalendarBookingDto[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT jt.job_id, jt.technician_user_id, j.starts_at, j.ends_at, j.duration_minutes, j.status, j.job_type_id,
              t.name AS job_type_name, t.color AS job_type_color, j.account_id, a.name AS account_name, ${TICKET_OF_JOB} AS ticket_id,
              (SELECT GROUP_CONCAT(o.technician_user_id ORDER BY o.technician_user_id) FROM job_technicians o WHERE o.job_id = j.id)
                AS technician_ids
         FROM job_technicians jt
         JOIN jobs j ON j.id = jt.job_id
         JOIN job_types t ON t.id = j.job_type_id
         JOIN accounts a ON a.id = j.account_id
        WHERE jt.starts_at < ? AND jt.ends_at > ? AND j.status IN ('scheduled','en_route','completed','failed')
          ${technicianId !== undefined ? 'AND jt.technician_user_id = ?' : ''}
        ORDER BY jt.starts_at, jt.technician_user_id, jt.job_id`,
      technicianId !== undefined ? [to, from, technicianId] : [to, from],
    );
    return rows.map((r) => ({
      jobId: Number(r.job_id),
      technicianId: Number(r.technician_user_id),
      startsAt: (r.starts_at as Date).toISOString(),
      endsAt: (r.ends_at as Date).toISOString(),
      durationMinutes: Number(r.duration_minutes),
      status: r.status as JobStatus,
      jobTypeId: Number(r.job_type_id),
      jobTypeName: r.job_type_name as string,
      jobTypeColor: r.job_type_color as string,
      accountId: Number(r.account_id),
      accountName: r.account_name as string,
      ticketId: r.ticket_id === null ? null : Number(r.ticket_id),
      technicianIds: String(r.technician_ids ?? '')
        .split(',')
        .filter(Boolean)
        .map(Number),
    }));
  }
}
