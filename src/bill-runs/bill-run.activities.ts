import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import { DataSource, EntityManager } from 'typeorm';
import { FamilyLockService } from '../billing/family-lock.service';
import { BatchOutcome, InvoiceBatchService } from '../billing/invoice-batch.service';
import type { SafetyBounds } from '../billing/invoice-bounds';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InvoiceEmailService } from '../correspondence-templates/invoice-email.service';
import { transactionWithRetry } from '../database/transaction';
import { workerIdentity } from '../temporal/worker-identity';
import { BillRunSlice, dueAccounts, dueSlices } from './due-accounts';
import { Activity } from '../temporal/activity.decorator';
import { BillRunInWords, billRunInWords } from './bill-run-in-words';

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
]);

function isConnectionError(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; fatal?: boolean } | null;
  const code = e?.code ?? e?.driverError?.code;
  return (code !== undefined && CONNECTION_ERRORS.has(code)) || e?.fatal === true;
}

export interface BillBatchInput {
  billRunId: number;
  date: string;
  afterAccountId: number;
  /** The end of the batch's planned slice; batches of the run's tail have none. */
  upToAccountId?: number | null;
  limit: number;
}

export interface BillBatchResult {
  lastAccountId: number;
  accounts: number;
  invoices: number;
  invoicedTotal: number;
  failures: number;
  parked?: number;
  more: boolean;
}

/**
 * The bill run's steps. Each is safe to repeat: the run row is found by its
 * workflow id, invoices are unique per account and billing date, and a batch's
 * record is keyed by its cursor and rewritten whole.
 */
@Injectable()
export class BillRunActivities {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly locks: FamilyLockService,
    private readonly invoicing: InvoiceBatchService,
    private readonly invoiceEmail: InvoiceEmailService,
  ) {}

  @Activity()
  async openBillRun(input: {
    date: string;
    workflowId: string;
    startedBy: number | null;
    spikePercent?: number | null;
  }): Promise<{ billRunId: number }> {
    const res: { insertId: number } = await this.db.query(
      `INSERT INTO bill_runs (run_date, workflow_id, started_by, spike_percent) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), status = 'running', finished_at = NULL`,
      [input.date, input.workflowId, input.startedBy, input.spikePercent ?? null],
    );
    return { billRunId: Number(res.insertId) };
  }

  /**
   * Invoices the next batch of due accounts in one transaction with set-based SQL.
   * Should the batch as a whole fail (one account's data refusing an insert), its
   * accounts are retried one by one, so one bad account costs only itself and is
   * listed with its reason.
   */
  @Activity()
  async billAccountsBatch(input: BillBatchInput): Promise<BillBatchResult> {
    const ids = await dueAccounts(this.db.manager, input.date, input);
    const bounds = await this.boundsOf(input.billRunId);
    let failures = 0;
    let parked = 0;
    try {
      parked = await transactionWithRetry(this.db, async (em) => this.billLocked(em, input, ids, bounds));
    } catch {
      for (const accountId of ids) {
        try {
          parked += await transactionWithRetry(this.db, async (em) => this.billLocked(em, input, [accountId], bounds));
        } catch (err) {
          // The database being away is not the account's fault: let the activity fail and be retried.
          if (isConnectionError(err)) throw err;
          failures++;
          const reason = err instanceof Error ? err.message : String(err);
          await this.db.query(
            'INSERT INTO bill_run_failures (bill_run_id, account_id, reason) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE reason = VALUES(reason)',
            [input.billRunId, accountId, reason.slice(0, 500)],
          );
        }
        Context.current().heartbeat({ accountId });
      }
    }
    Context.current().heartbeat({ afterAccountId: input.afterAccountId, accounts: ids.length });
    if (ids.length) {
      // A failure recorded by an earlier attempt of this batch no longer stands once the account is invoiced.
      await this.db.query(
        `DELETE f FROM bill_run_failures f JOIN invoices i ON i.account_id = f.account_id AND i.generated_for = ?
          WHERE f.bill_run_id = ? AND f.account_id IN (?)`,
        [input.date, input.billRunId, ids],
      );
    }
    // After the commit, so only invoices that exist are mailed; keyed per invoice and contact, so a rerun mails nothing twice.
    await this.invoiceEmail.queueBillRunInvoices(ids, input.date);
    const lastAccountId = ids.length ? ids[ids.length - 1] : input.afterAccountId;
    // What this batch's accounts now have for the date, read back, so a retried batch reports the same numbers.
    const [made]: { invoices: number; total: string }[] = ids.length
      ? await this.db.query(
          'SELECT COUNT(*) AS invoices, COALESCE(SUM(total), 0) AS total FROM invoices WHERE account_id IN (?) AND generated_for = ?',
          [ids, input.date],
        )
      : [{ invoices: 0, total: '0' }];
    if (ids.length) {
      await this.db.query(
        `REPLACE INTO bill_run_batches (bill_run_id, after_account_id, last_account_id, accounts, invoices, invoiced_total, failures, parked, worker)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          input.billRunId,
          input.afterAccountId,
          lastAccountId,
          ids.length,
          Number(made.invoices),
          Number(made.total),
          failures,
          parked,
          workerIdentity(),
        ],
      );
    }
    return {
      lastAccountId,
      accounts: ids.length,
      invoices: Number(made.invoices),
      invoicedTotal: Number(made.total),
      failures,
      parked,
      more: ids.length === input.limit,
    };
  }

  /**
   * Cuts the accounts due on the date into slices of one batch each, so batches
   * can run side by side, and records how many accounts the run expects.
   */
  @Activity()
  async planBillRun(input: { billRunId: number; date: string; batchSize: number }): Promise<{ slices: BillRunSlice[]; accounts: number }> {
    const plan = await dueSlices(this.db.manager, input.date, input.batchSize);
    await this.db.query('UPDATE bill_runs SET planned_accounts = ? WHERE id = ?', [plan.accounts, input.billRunId]);
    return plan;
  }

  /**
   * Marks the run finished and says what it did in words, read from the run's own batch records, so
   * the workflow's result and memo read clearly in the Temporal UI (the workflow knows no currency).
   */
  @Activity()
  async closeBillRun(input: { billRunId: number; status: 'completed' | 'failed' }): Promise<BillRunInWords> {
    await this.db.query('UPDATE bill_runs SET status = ?, finished_at = CURRENT_TIMESTAMP(3) WHERE id = ?', [
      input.status,
      input.billRunId,
    ]);
    const [row]: {
      run_date: string;
      accounts: string | null;
      invoices: string | null;
      total: string | null;
      parked: string | null;
      failures: string | null;
    }[] = await this.db.query(
      `SELECT DATE_FORMAT(r.run_date, '%Y-%m-%d') AS run_date, SUM(b.accounts) AS accounts, SUM(b.invoices) AS invoices,
           SUM(b.invoiced_total) AS total, SUM(b.parked) AS parked, SUM(b.failures) AS failures
         FROM bill_runs r LEFT JOIN bill_run_batches b ON b.bill_run_id = r.id WHERE r.id = ? GROUP BY r.id`,
      [input.billRunId],
    );
    return billRunInWords(
      {
        date: row.run_date,
        accounts: Number(row.accounts ?? 0),
        invoices: Number(row.invoices ?? 0),
        invoicedTotal: Number(row.total ?? 0),
        parked: Number(row.parked ?? 0),
        failures: Number(row.failures ?? 0),
      },
      this.config.CURRENCY,
    );
  }

  /** Bills the accounts under their family locks and records the ones parked; returns how many were parked. */
  private async billLocked(em: EntityManager, input: BillBatchInput, accountIds: number[], bounds: SafetyBounds): Promise<number> {
    const parents = await this.locks.lockMany(em, accountIds);
    const outcome: BatchOutcome = await this.invoicing.invoiceFamilies(em, accountIds, input.date, parents, { bounds });
    if (outcome.parked.length) {
      await em.query(
        `INSERT INTO bill_run_parked (bill_run_id, account_id, rule, reason, total, usual_total)
         VALUES ${outcome.parked.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE rule = IF(status = 'parked', VALUES(rule), rule), reason = IF(status = 'parked', VALUES(reason), reason),
           total = IF(status = 'parked', VALUES(total), total), usual_total = IF(status = 'parked', VALUES(usual_total), usual_total)`,
        outcome.parked.flatMap((p) => [input.billRunId, p.accountId, p.rule, p.reason.slice(0, 500), p.total, p.usualTotal]),
      );
    }
    return outcome.parked.length;
  }

  private async boundsOf(billRunId: number): Promise<SafetyBounds> {
    const [run]: { spike_percent: number | null }[] = await this.db.query('SELECT spike_percent FROM bill_runs WHERE id = ?', [billRunId]);
    return { spikePercent: run?.spike_percent ? Number(run.spike_percent) : this.config.BILL_RUN_SPIKE_PERCENT };
  }
}
