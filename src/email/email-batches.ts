import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { emailBatchWorkflow } from '../../workflows/email-batch.workflow';
import type { EmailRetryTimings } from '../../workflows/email-delivery.workflow';
import { workflowIds } from '../../workflows/shared';
import { BatchingLine } from '../common/batching-line';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';

/** Emails in one batch at most. */
export const EMAIL_BATCH_SIZE = 100;
/** Emails held in this process's line at most; the rest wait in the table for the email dispatcher. */
const MAX_WAITING_EMAILS = 20_000;

/**
 * Delivery of mail sent in bulk (a bill run's invoices, the receipts of a night's
 * payments) in batches: one workflow for up to a hundred emails. Handing over is
 * three steps that each survive a crash after them:
 *  1. claim: queued emails not handed to any delivery yet are written into the batch (`batch_id`);
 *  2. start: the batch's workflow, named by the batch id, is started, or found running;
 *  3. record: the emails are marked started (`delivery_started_at`).
 * An email is in one batch at a time and never also in a workflow of its own, so it
 * is delivered by one process. A claim whose start never happened is started later by
 * the email dispatcher (`startClaimed`), under the same id.
 */
@Injectable()
export class EmailBatches implements OnApplicationShutdown {
  private readonly line = new BatchingLine<number>({
    name: EmailBatches.name,
    maxBatch: EMAIL_BATCH_SIZE,
    gatherMs: 100,
    retryMs: 5_000,
    maxWaiting: MAX_WAITING_EMAILS,
    key: (id) => id,
    handOver: (ids) => this.dispatch(ids),
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Puts queued emails in this process's line, to be handed over in a batch shortly; never throws. */
  enqueue(ids: number[]): void {
    this.line.enqueue(...ids);
  }

  onApplicationShutdown(): void {
    this.line.stop();
  }

  /** Hands the emails over now, a hundred to a batch, oldest first; throws when Temporal refused a start. */
  async dispatch(ids: number[]): Promise<void> {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    for (let from = 0; from < sorted.length; from += EMAIL_BATCH_SIZE) await this.dispatchOne(sorted.slice(from, from + EMAIL_BATCH_SIZE));
  }

  /**
   * Starts the batches claimed more than `graceSeconds` ago whose start was never
   * recorded (the process died between the claim and the start, or Temporal was away);
   * answers how many it started.
   */
  async startClaimed(graceSeconds: number, limit: number): Promise<number> {
    const rows: { batch_id: string }[] = await this.db.query(
      `SELECT batch_id FROM emails
        WHERE status = 'queued' AND batch_id IS NOT NULL AND delivery_started_at IS NULL
          AND created_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND
        GROUP BY batch_id ORDER BY MIN(id) LIMIT ?`,
      [graceSeconds, limit],
    );
    for (const row of rows) await this.start(row.batch_id, null);
    return rows.length;
  }

  private async dispatchOne(ids: number[]): Promise<void> {
    if (!ids.length) return;
    // By primary key only: a range over a secondary index would lock the gap the bill run's new emails are
    // inserted into, and its batches would wait on the claim.
    await this.db.query(
      `UPDATE emails FORCE INDEX (PRIMARY) SET batch_id = ?
        WHERE id IN (?) AND status = 'queued' AND batch_id IS NULL AND delivery_started_at IS NULL`,
      [workflowIds.emailBatch(ids[0]), ids],
    );
    // This batch, and any an earlier try claimed but could not start.
    const unstarted: { batch_id: string; n: string }[] = await this.db.query(
      `SELECT batch_id, COUNT(*) AS n FROM emails FORCE INDEX (PRIMARY) WHERE id IN (?) AND status = 'queued' AND batch_id IS NOT NULL AND delivery_started_at IS NULL
        GROUP BY batch_id`,
      [ids],
    );
    for (const row of unstarted) await this.start(row.batch_id, Number(row.n));
  }

  private async start(batchId: string, size: number | null): Promise<void> {
    await this.temporal.workflow.start(emailBatchWorkflow, {
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowId: batchId,
      // A second start of a claimed batch finds the first running and joins it; a finished batch holds nothing still queued.
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      args: [{ batchId, retry: this.retryTimings() }],
      memo: { description: size === null ? 'Emails sent in bulk' : `${size} email${size === 1 ? '' : 's'} sent in bulk` },
    });
    const rows: { id: number }[] = await this.db.query('SELECT id FROM emails WHERE batch_id = ? AND delivery_started_at IS NULL', [
      batchId,
    ]);
    if (!rows.length) return;
    await this.db.query(
      `UPDATE emails FORCE INDEX (PRIMARY) SET delivery_started_at = CURRENT_TIMESTAMP(3)
        WHERE id IN (?) AND batch_id = ? AND delivery_started_at IS NULL`,
      [rows.map((r) => r.id), batchId],
    );
  }

  /** Read when a batch starts, so an operator's change reaches new batches only. */
  private retryTimings(): EmailRetryTimings {
    return {
      initialSeconds: this.config.EMAIL_RETRY_INITIAL_SECONDS,
      maxIntervalSeconds: this.config.EMAIL_RETRY_MAX_INTERVAL_SECONDS,
      maxAgeHours: this.config.EMAIL_MAX_AGE_HOURS,
      smtpTimeoutSeconds: this.config.SMTP_TIMEOUT_SECONDS,
    };
  }
}
