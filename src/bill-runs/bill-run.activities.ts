import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { InvoiceGenerationService } from '../billing/invoice-generation.service';
import { DUE_ACCOUNTS_SQL } from './bill-runs.service';

export interface BillBatchInput {
  billRunId: number;
  date: string;
  afterAccountId: number;
  limit: number;
}

export interface BillBatchResult {
  lastAccountId: number;
  accounts: number;
  invoices: number;
  invoicedTotal: number;
  failures: number;
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
    private readonly generation: InvoiceGenerationService,
  ) {}

  async openBillRun(input: { date: string; workflowId: string; startedBy: number | null }): Promise<{ billRunId: number }> {
    const res: { insertId: number } = await this.db.query(
      `INSERT INTO bill_runs (run_date, workflow_id, started_by) VALUES (?, ?, ?)
       ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), status = 'running', finished_at = NULL`,
      [input.date, input.workflowId, input.startedBy],
    );
    return { billRunId: Number(res.insertId) };
  }

  async billAccountsBatch(input: BillBatchInput): Promise<BillBatchResult> {
    const day = Number(input.date.slice(8, 10));
    const rows: { id: number }[] = await this.db.query(DUE_ACCOUNTS_SQL, [input.afterAccountId, day, input.date, input.date, input.limit]);
    const ids = rows.map((r) => Number(r.id));
    let failures = 0;
    for (const accountId of ids) {
      try {
        await this.generation.generate(accountId, input.date);
      } catch (err) {
        failures++;
        const reason = err instanceof Error ? err.message : String(err);
        await this.db.query(
          'INSERT INTO bill_run_failures (bill_run_id, account_id, reason) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE reason = VALUES(reason)',
          [input.billRunId, accountId, reason.slice(0, 500)],
        );
      }
      Context.current().heartbeat({ accountId });
    }
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
        `REPLACE INTO bill_run_batches (bill_run_id, after_account_id, last_account_id, accounts, invoices, invoiced_total, failures)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [input.billRunId, input.afterAccountId, lastAccountId, ids.length, Number(made.invoices), Number(made.total), failures],
      );
    }
    return {
      lastAccountId,
      accounts: ids.length,
      invoices: Number(made.invoices),
      invoicedTotal: Number(made.total),
      failures,
      more: ids.length === input.limit,
    };
  }

  async closeBillRun(input: { billRunId: number; status: 'completed' | 'failed' }): Promise<void> {
    await this.db.query('UPDATE bill_runs SET status = ?, finished_at = CURRENT_TIMESTAMP(3) WHERE id = ?', [
      input.status,
      input.billRunId,
    ]);
  }
}
