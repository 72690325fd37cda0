import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { billRunWorkflow } from '../../workflows/bill-run.workflow';
import { billingDateAttributes, billRunProgressQuery, dayInWords, workflowIds } from '../../workflows/shared';
import type { BillRunProgress } from '../../workflows/shared';
import { addDays, isBillingDate } from '../billing/billing-calendar';
import { InvoiceGenerationService, InvoicePreview } from '../billing/invoice-generation.service';
import { assertRunDate } from '../billing-config/run-date-horizon';
import { Clock } from '../common/clock';
import { BadInputException, NotFoundException } from '../common/errors';
import { ListResult } from '../common/list-query';
import { requestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { countDueAccounts, dueAccounts } from './due-accounts';
import { ParkedAccount, ParkedInvoicesService } from './parked-invoices.service';

export interface BillRunSummary {
  id: number;
  runDate: string;
  workflowId: string;
  status: 'running' | 'completed' | 'failed';
  accounts: number;
  invoices: number;
  invoicedTotal: number;
  failures: number;
  parked: number;
  /** Accounts due when the run planned its batches; null until it has. */
  plannedAccounts: number | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** The batches of a run one worker process billed; batches from before workers were recorded have none. */
export interface BillRunWorkerShare {
  worker: string | null;
  batches: number;
  accounts: number;
}

const SUMMARY_SQL = `SELECT r.id, DATE_FORMAT(r.run_date, '%Y-%m-%d') AS run_date, r.workflow_id, r.status, r.started_at, r.finished_at, r.planned_accounts,
    COALESCE(SUM(b.accounts), 0) AS accounts, COALESCE(SUM(b.invoices), 0) AS invoices,
    COALESCE(SUM(b.invoiced_total), 0) AS invoiced_total, COALESCE(SUM(b.failures), 0) AS failures,
    COALESCE(SUM(b.parked), 0) AS parked
  FROM bill_runs r LEFT JOIN bill_run_batches b ON b.bill_run_id = r.id`;

function toSummary(r: Record<string, unknown>): BillRunSummary {
  return {
    id: Number(r.id),
    runDate: r.run_date as string,
    workflowId: r.workflow_id as string,
    status: r.status as BillRunSummary['status'],
    accounts: Number(r.accounts),
    invoices: Number(r.invoices),
    invoicedTotal: Number(r.invoiced_total),
    failures: Number(r.failures),
    parked: Number(r.parked),
    plannedAccounts: r.planned_accounts === null || r.planned_accounts === undefined ? null : Number(r.planned_accounts),
    startedAt: r.started_at as Date,
    finishedAt: (r.finished_at as Date | null) ?? null,
  };
}

/** Starting bill runs on Temporal and reading what they did. */
@Injectable()
export class BillRunsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly generation: InvoiceGenerationService,
    private readonly parked: ParkedInvoicesService,
  ) {}

  /** Starts the run for a date, or finds the one already started: one run per date, ever. */
  async start(date: string, opts: { spikePercent?: number } = {}): Promise<{ workflowId: string; started: boolean }> {
    assertRunDate(date, this.clock, this.config);
    const workflowId = workflowIds.billRun(date);
    try {
      await this.temporal.workflow.start(billRunWorkflow, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [
          {
            date,
            startedBy: requestContext.current()?.actor?.userId ?? null,
            batchSize: this.config.BILL_RUN_BATCH_SIZE,
            spikePercent: opts.spikePercent ?? null,
          },
        ],
        typedSearchAttributes: billingDateAttributes(date),
        memo: { description: `Bill run for ${dayInWords(date)}` },
      });
      return { workflowId, started: true };
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
      throw err;
    }
  }

  /** The run as a dry run: given accounts, or the first 200 due on the date. Writes nothing. */
  async preview(date: string, accountIds?: number[]): Promise<(InvoicePreview & { accountName: string })[]> {
    if (!isBillingDate(date))
      throw new BadInputException([{ field: 'date', rule: 'date', message: 'date must be a calendar date as YYYY-MM-DD' }]);
    let ids = accountIds;
    if (!ids) {
      ids = await dueAccounts(this.db.manager, date, { afterAccountId: 0, limit: 200 });
    } else {
      const found: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id IN (?)', [ids]);
      const missing = ids.filter((id) => !found.some((f) => Number(f.id) === id));
      if (missing.length) {
        throw new BadInputException([{ field: 'accountIds', rule: 'exists', message: `no account ${missing.slice(0, 5).join(', ')}` }]);
      }
    }
    const rows = await this.generation.preview(ids, date, { bounds: { spikePercent: this.config.BILL_RUN_SPIKE_PERCENT } });
    if (!rows.length) return [];
    const named: { id: number; name: string }[] = await this.db.query('SELECT id, name FROM accounts WHERE id IN (?)', [
      rows.map((r) => r.accountId),
    ]);
    const names = new Map(named.map((a) => [Number(a.id), a.name]));
    return rows.map((r) => ({ ...r, accountName: names.get(r.accountId) ?? `Account ${r.accountId}` }));
  }

  /** The latest run by date, with its progress while it runs; null before the first. */
  async latest(): Promise<(BillRunSummary & { progress: BillRunProgress | null }) | null> {
    const [row]: Record<string, unknown>[] = await this.db.query(
      `${SUMMARY_SQL} GROUP BY r.id ORDER BY r.run_date DESC, r.id DESC LIMIT 1`,
    );
    if (!row) return null;
    const summary = toSummary(row);
    return { ...summary, progress: await this.progressOf(summary) };
  }

  /**
   * The next run the nightly schedule starts: today's if it has not run yet, else
   * tomorrow's, with how many accounts are due on that date so far.
   */
  async next(today: string): Promise<{ runDate: string; dueAccounts: number }> {
    const [ran]: { n: number }[] = await this.db.query('SELECT COUNT(*) AS n FROM bill_runs WHERE run_date = ?', [today]);
    const runDate = Number(ran.n) ? addDays(today, 1) : today;
    return { runDate, dueAccounts: await countDueAccounts(this.db.manager, runDate) };
  }

  async list(offset: number, limit: number): Promise<ListResult<BillRunSummary>> {
    const [{ n }]: { n: number }[] = await this.db.query('SELECT COUNT(*) AS n FROM bill_runs');
    const rows: Record<string, unknown>[] = await this.db.query(
      `${SUMMARY_SQL} GROUP BY r.id ORDER BY r.run_date DESC, r.id DESC LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    return new ListResult('bill-runs', rows.map(toSummary), Number(n), offset);
  }

  async get(id: number): Promise<
    BillRunSummary & {
      progress: BillRunProgress | null;
      failureList: { accountId: number; reason: string }[];
      parkedList: ParkedAccount[];
      workers: BillRunWorkerShare[];
    }
  > {
    const [row]: Record<string, unknown>[] = await this.db.query(`${SUMMARY_SQL} WHERE r.id = ? GROUP BY r.id`, [id]);
    if (!row) throw new NotFoundException('Bill run', id);
    const summary = toSummary(row);
    const failures: { account_id: number; reason: string }[] = await this.db.query(
      'SELECT account_id, reason FROM bill_run_failures WHERE bill_run_id = ? ORDER BY account_id',
      [id],
    );
    const workers: { worker: string | null; batches: number; accounts: string }[] = await this.db.query(
      `SELECT worker, COUNT(*) AS batches, SUM(accounts) AS accounts FROM bill_run_batches
        WHERE bill_run_id = ? GROUP BY worker ORDER BY worker`,
      [id],
    );
    return {
      ...summary,
      progress: await this.progressOf(summary),
      failureList: failures.map((f) => ({ accountId: Number(f.account_id), reason: f.reason })),
      parkedList: await this.parked.listForRun(id),
      workers: workers.map((w) => ({ worker: w.worker, batches: Number(w.batches), accounts: Number(w.accounts) })),
    };
  }

  /** What the workflow reports while the run goes on; null once it has finished or cannot answer. */
  private async progressOf(summary: BillRunSummary): Promise<BillRunProgress | null> {
    if (summary.status !== 'running') return null;
    return this.temporal.workflow
      .getHandle(summary.workflowId)
      .query(billRunProgressQuery)
      .catch(() => null);
  }
}
