import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListResult } from '../common/list-query';
import { missedNights } from './missed-nights';

/** The whole night, or delinquency alone. */
export type NightlyStep = 'nightly' | 'delinquency';

export interface NightlyRunRecord {
  id: number;
  step: NightlyStep;
  runDate: string;
  workflowId: string;
  status: 'running' | 'completed' | 'failed';
  startedBy: number | null;
  /** The night that ran this one while catching up, or null when it ran on its own. */
  caughtUpBy: string | null;
  summary: Record<string, unknown> | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `id, step, DATE_FORMAT(run_date, '%Y-%m-%d') AS run_date, workflow_id, status, started_by,
  DATE_FORMAT(caught_up_by, '%Y-%m-%d') AS caught_up_by, summary, started_at, finished_at`;

function toRecord(r: Record<string, unknown>): NightlyRunRecord {
  const summary =
    typeof r.summary === 'string' ? (JSON.parse(r.summary) as Record<string, unknown>) : (r.summary as NightlyRunRecord['summary']);
  return {
    id: Number(r.id),
    step: r.step as NightlyStep,
    runDate: r.run_date as string,
    workflowId: r.workflow_id as string,
    status: r.status as NightlyRunRecord['status'],
    startedBy: r.started_by === null ? null : Number(r.started_by),
    caughtUpBy: (r.caught_up_by as string | null) ?? null,
    summary: summary ?? null,
    startedAt: r.started_at as Date,
    finishedAt: (r.finished_at as Date | null) ?? null,
  };
}

/** The record of each nightly process per date, and the newest completed night that catching up counts from. */
@Injectable()
export class NightlyRunRecordsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(step: NightlyStep, date: string): Promise<NightlyRunRecord | null> {
    const [row]: Record<string, unknown>[] = await this.db.query(`SELECT ${COLUMNS} FROM nightly_runs WHERE step = ? AND run_date = ?`, [
      step,
      date,
    ]);
    return row ? toRecord(row) : null;
  }

  async lastCompletedNight(): Promise<string | null> {
    const [row]: { last: string | null }[] = await this.db.query(
      `SELECT DATE_FORMAT(MAX(run_date), '%Y-%m-%d') AS last FROM nightly_runs WHERE step = 'nightly' AND status = 'completed'`,
    );
    return row?.last ?? null;
  }

  /** The nights to run before `date`'s own, oldest first. */
  async missedBefore(date: string): Promise<string[]> {
    return missedNights(await this.lastCompletedNight(), date);
  }

  /** Marks the process of that date running; a failed one started again reuses its row. */
  async open(input: {
    step: NightlyStep;
    date: string;
    workflowId: string;
    startedBy: number | null;
    caughtUpBy: string | null;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO nightly_runs (step, run_date, workflow_id, started_by, caught_up_by) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE status = 'running', workflow_id = VALUES(workflow_id), started_by = VALUES(started_by),
         caught_up_by = VALUES(caught_up_by), summary = NULL, started_at = CURRENT_TIMESTAMP(3), finished_at = NULL`,
      [input.step, input.date, input.workflowId, input.startedBy, input.caughtUpBy],
    );
  }

  async close(input: {
    step: NightlyStep;
    date: string;
    status: 'completed' | 'failed';
    summary: Record<string, unknown> | null;
  }): Promise<void> {
    await this.db.query(
      `UPDATE nightly_runs SET status = ?, summary = ?, finished_at = CURRENT_TIMESTAMP(3) WHERE step = ? AND run_date = ?`,
      [input.status, input.summary === null ? null : JSON.stringify(input.summary), input.step, input.date],
    );
  }

  async list(offset: number, limit: number): Promise<ListResult<NightlyRunRecord>> {
    const [{ n }]: { n: number }[] = await this.db.query('SELECT COUNT(*) AS n FROM nightly_runs');
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} FROM nightly_runs ORDER BY run_date DESC, step DESC, id DESC LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    return new ListResult('nightly-runs', rows.map(toRecord), Number(n), offset);
  }
}
