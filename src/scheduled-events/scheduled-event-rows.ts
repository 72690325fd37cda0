import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/errors';
import { KindFields, ScheduledEventKind, ScheduledEventState } from './scheduled-event-kinds';

export interface ScheduledEventRow extends KindFields {
  id: number;
  accountId: number;
  kind: ScheduledEventKind;
  runAt: Date;
  state: ScheduledEventState;
  failureReason: string | null;
  revision: number;
  workflowId: string | null;
  createdBy: number | null;
  createdByEmail: string | null;
  actedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `e.id, e.account_id, e.kind, e.service_id, e.package_id, e.account_service_id, e.quantity, e.price_override,
  e.account_status_id, e.prorate, e.run_at, e.state, e.failure_reason, e.revision, e.workflow_id, e.created_by,
  u.email AS created_by_email, e.acted_at, e.cancelled_at, e.created_at, e.updated_at`;
const FROM = 'scheduled_events e LEFT JOIN staff_users u ON u.id = e.created_by';

const idOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function toRow(r: Record<string, unknown>): ScheduledEventRow {
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    kind: r.kind as ScheduledEventKind,
    serviceId: idOrNull(r.service_id),
    packageId: idOrNull(r.package_id),
    accountServiceId: idOrNull(r.account_service_id),
    quantity: idOrNull(r.quantity),
    priceOverride: idOrNull(r.price_override),
    accountStatusId: idOrNull(r.account_status_id),
    prorate: r.prorate === null ? null : Boolean(Number(r.prorate)),
    runAt: r.run_at as Date,
    state: r.state as ScheduledEventState,
    failureReason: (r.failure_reason as string | null) ?? null,
    revision: Number(r.revision),
    workflowId: (r.workflow_id as string | null) ?? null,
    createdBy: idOrNull(r.created_by),
    createdByEmail: (r.created_by_email as string | null) ?? null,
    actedAt: (r.acted_at as Date | null) ?? null,
    cancelledAt: (r.cancelled_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

const FIELD_COLUMNS: Record<keyof KindFields, string> = {
  serviceId: 'service_id',
  packageId: 'package_id',
  accountServiceId: 'account_service_id',
  quantity: 'quantity',
  priceOverride: 'price_override',
  accountStatusId: 'account_status_id',
  prorate: 'prorate',
};

const fieldValues = (fields: KindFields): unknown[] =>
  (Object.keys(FIELD_COLUMNS) as (keyof KindFields)[]).map((f) =>
    f === 'prorate' && fields.prorate !== null ? Number(fields.prorate) : fields[f],
  );

/** The SQL of the scheduled_events table, in one place. */
@Injectable()
export class ScheduledEventRows {
  async find(em: EntityManager, id: number): Promise<ScheduledEventRow | null> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE e.id = ?`, [id]);
    return row ? toRow(row) : null;
  }

  async require(em: EntityManager, id: number): Promise<ScheduledEventRow> {
    const row = await this.find(em, id);
    if (!row) throw new NotFoundException('Scheduled event', id);
    return row;
  }

  /** The row under a write lock; call with the account's family already locked. */
  async lock(em: EntityManager, id: number): Promise<ScheduledEventRow> {
    await em.query('SELECT id FROM scheduled_events WHERE id = ? FOR UPDATE', [id]);
    return this.require(em, id);
  }

  /**
   * The event's account. `waitForInsert` makes it a locking read, which waits for a
   * transaction still inserting the row to commit (or roll back) instead of missing it.
   */
  async accountOf(em: EntityManager, id: number, opts: { waitForInsert?: boolean } = {}): Promise<number | null> {
    const lock = opts.waitForInsert ? ' FOR UPDATE' : '';
    const [row]: { account_id: number }[] = await em.query(`SELECT account_id FROM scheduled_events WHERE id = ?${lock}`, [id]);
    return row ? Number(row.account_id) : null;
  }

  async listForAccount(
    em: EntityManager,
    accountId: number,
    filter: { state?: ScheduledEventState },
    sort: { field: 'runAt' | 'id'; order: 'ASC' | 'DESC' },
    offset: number,
    limit: number,
  ): Promise<{ rows: ScheduledEventRow[]; total: number }> {
    const where = ['e.account_id = ?'];
    const params: unknown[] = [accountId];
    if (filter.state) {
      where.push('e.state = ?');
      params.push(filter.state);
    }
    const clause = where.join(' AND ');
    const [{ n }]: { n: number }[] = await em.query(`SELECT COUNT(*) AS n FROM scheduled_events e WHERE ${clause}`, params);
    const order = `${sort.field === 'runAt' ? 'e.run_at' : 'e.id'} ${sort.order}, e.id ${sort.order}`;
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return { rows: rows.map(toRow), total: Number(n) };
  }

  /** Every event of the account still waiting for its time. */
  async pending(em: EntityManager, accountId: number): Promise<ScheduledEventRow[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE e.account_id = ? AND e.state = 'scheduled' ORDER BY e.run_at, e.id`,
      [accountId],
    );
    return rows.map(toRow);
  }

  async insert(
    em: EntityManager,
    event: { accountId: number; kind: ScheduledEventKind; runAt: Date; createdBy: number | null; fields: KindFields },
    workflowIdOf: (id: number) => string,
  ): Promise<number> {
    const columns = Object.values(FIELD_COLUMNS).join(', ');
    const res: { insertId: number } = await em.query(
      `INSERT INTO scheduled_events (account_id, kind, run_at, created_by, ${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [event.accountId, event.kind, event.runAt, event.createdBy, ...fieldValues(event.fields)],
    );
    const id = Number(res.insertId);
    await em.query('UPDATE scheduled_events SET workflow_id = ? WHERE id = ?', [workflowIdOf(id), id]);
    return id;
  }

  /** A new time and fields: the next revision. */
  async revise(em: EntityManager, id: number, runAt: Date, fields: KindFields): Promise<void> {
    const sets = Object.values(FIELD_COLUMNS)
      .map((c) => `${c} = ?`)
      .join(', ');
    await em.query(`UPDATE scheduled_events SET run_at = ?, ${sets}, revision = revision + 1 WHERE id = ?`, [
      runAt,
      ...fieldValues(fields),
      id,
    ]);
  }

  async close(em: EntityManager, id: number, state: 'done' | 'failed' | 'cancelled', at: Date, failureReason?: string): Promise<void> {
    const column = state === 'cancelled' ? 'cancelled_at' : 'acted_at';
    await em.query(`UPDATE scheduled_events SET state = ?, ${column} = ?, failure_reason = ? WHERE id = ?`, [
      state,
      at,
      state === 'failed' ? (failureReason ?? 'failed') : null,
      id,
    ]);
  }

  /**
   * A price change replaces an account's service line with a new one; later events
   * aimed at the old line follow it, so removing it afterwards still works.
   */
  async retarget(em: EntityManager, fromAccountServiceId: number, toAccountServiceId: number, exceptEventId: number): Promise<void> {
    await em.query("UPDATE scheduled_events SET account_service_id = ? WHERE account_service_id = ? AND state = 'scheduled' AND id <> ?", [
      toAccountServiceId,
      fromAccountServiceId,
      exceptEventId,
    ]);
  }
}
