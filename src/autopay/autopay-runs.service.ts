import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { autopayRunWorkflow } from '../../workflows/autopay-run.workflow';
import { billingDateAttributes, dayInWords, workflowIds } from '../../workflows/shared';
import { assertRunDate } from '../billing-config/run-date-horizon';
import { Clock } from '../common/clock';
import { NotFoundException } from '../common/errors';
import { ListResult } from '../common/list-query';
import { requestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';

export interface AutopayRunSummary {
  id: number;
  runDate: string;
  workflowId: string;
  status: 'running' | 'completed' | 'failed';
  attempts: number;
  succeeded: number;
  processing: number;
  failed: number;
  /** Minor units charged (succeeded) or submitted (processing bank debits). */
  chargedTotal: number;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface AutopayDeclineReason {
  reason: string;
  attempts: number;
  /** Minor units the declined attempts asked for. */
  amount: number;
}

export interface AutopayAttempt {
  id: number;
  accountId: number;
  date: string;
  amount: number;
  attempt: number;
  status: 'charging' | 'succeeded' | 'processing' | 'failed';
  reason: string | null;
  processorPaymentId: number | null;
}

const SUMMARY_SQL = `SELECT r.id, DATE_FORMAT(r.run_date, '%Y-%m-%d') AS run_date, r.workflow_id, r.status, r.started_at, r.finished_at,
    COUNT(x.id) AS attempts, COALESCE(SUM(x.status = 'succeeded'), 0) AS succeeded, COALESCE(SUM(x.status = 'processing'), 0) AS processing,
    COALESCE(SUM(x.status = 'failed'), 0) AS failed, COALESCE(SUM(IF(x.status IN ('succeeded','processing'), x.amount, 0)), 0) AS charged_total
  FROM autopay_runs r LEFT JOIN autopay_attempts x ON x.autopay_run_id = r.id`;

function toSummary(r: Record<string, unknown>): AutopayRunSummary {
  return {
    id: Number(r.id),
    runDate: r.run_date as string,
    workflowId: r.workflow_id as string,
    status: r.status as AutopayRunSummary['status'],
    attempts: Number(r.attempts),
    succeeded: Number(r.succeeded),
    processing: Number(r.processing),
    failed: Number(r.failed),
    chargedTotal: Number(r.charged_total),
    startedAt: r.started_at as Date,
    finishedAt: (r.finished_at as Date | null) ?? null,
  };
}

/** Starting autopay runs on Temporal and reading what they charged. */
@Injectable()
export class AutopayRunsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Starts the run for a date, or finds the one already started: one run per date, ever. */
  async start(date: string): Promise<{ workflowId: string; started: boolean }> {
    assertRunDate(date, this.clock, this.config);
    const workflowId = workflowIds.autopayRun(date);
    try {
      await this.temporal.workflow.start(autopayRunWorkflow, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [{ date, startedBy: requestContext.current()?.actor?.userId ?? null }],
        typedSearchAttributes: billingDateAttributes(date),
        memo: { description: `Autopay for ${dayInWords(date)}` },
      });
      return { workflowId, started: true };
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
      throw err;
    }
  }

  /**
   * What the run for a date did: its summary and its declines grouped by the
   * processor's reason, most frequent first. Null when no run has started for the date.
   */
  async forDate(date: string): Promise<(AutopayRunSummary & { declinedTotal: number; declines: AutopayDeclineReason[] }) | null> {
    const [row]: Record<string, unknown>[] = await this.db.query(`${SUMMARY_SQL} WHERE r.run_date = ? GROUP BY r.id`, [date]);
    if (!row) return null;
    const summary = toSummary(row);
    const declines: { reason: string | null; attempts: string; amount: string }[] = await this.db.query(
      `SELECT x.reason, COUNT(*) AS attempts, SUM(x.amount) AS amount FROM autopay_attempts x
        WHERE x.autopay_run_id = ? AND x.status = 'failed' GROUP BY x.reason ORDER BY attempts DESC, x.reason`,
      [summary.id],
    );
    const reasons = declines.map((d) => ({
      reason: d.reason ?? 'No reason given',
      attempts: Number(d.attempts),
      amount: Number(d.amount),
    }));
    return { ...summary, declinedTotal: reasons.reduce((sum, r) => sum + r.amount, 0), declines: reasons };
  }

  async list(offset: number, limit: number): Promise<ListResult<AutopayRunSummary>> {
    const [{ n }]: { n: number }[] = await this.db.query('SELECT COUNT(*) AS n FROM autopay_runs');
    const rows: Record<string, unknown>[] = await this.db.query(
      `${SUMMARY_SQL} GROUP BY r.id ORDER BY r.run_date DESC, r.id DESC LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    return new ListResult('autopay-runs', rows.map(toSummary), Number(n), offset);
  }

  async get(id: number): Promise<AutopayRunSummary & { attemptList: AutopayAttempt[] }> {
    const [row]: Record<string, unknown>[] = await this.db.query(`${SUMMARY_SQL} WHERE r.id = ? GROUP BY r.id`, [id]);
    if (!row) throw new NotFoundException('Autopay run', id);
    const attempts: Record<string, unknown>[] = await this.db.query(
      `SELECT id, account_id, DATE_FORMAT(run_date, '%Y-%m-%d') AS run_date, amount, attempt, status, reason, processor_payment_id
         FROM autopay_attempts WHERE autopay_run_id = ? ORDER BY account_id`,
      [id],
    );
    return {
      ...toSummary(row),
      attemptList: attempts.map((a) => ({
        id: Number(a.id),
        accountId: Number(a.account_id),
        date: a.run_date as string,
        amount: Number(a.amount),
        attempt: Number(a.attempt),
        status: a.status as AutopayAttempt['status'],
        reason: (a.reason as string | null) ?? null,
        processorPaymentId: a.processor_payment_id === null ? null : Number(a.processor_payment_id),
      })),
    };
  }
}
