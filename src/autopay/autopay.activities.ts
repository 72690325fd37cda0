import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BillingFiguresService } from '../billing/billing-figures.service';
import { PAYABLE_INVOICES } from '../billing/ledger-postings';
import { DomainException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PaymentFailedException, PaymentInProgressException, ProcessorUnavailableException } from '../payments/payments.exception';
import { PaymentsService } from '../payments/payments.service';
import { autopayCandidates, newerInvoiceDue, previousAttempt } from './autopay-due';
import { decide, retryDaysOf } from './autopay-policy';
import { transactionWithRetry } from '../database/transaction';
import { inLanes } from '../common/in-lanes';
import { Activity } from '../temporal/activity.decorator';

export interface AutopayBatchInput {
  autopayRunId: number;
  date: string;
  afterAccountId: number;
  limit: number;
}

export interface AutopayBatchResult {
  lastAccountId: number;
  accounts: number;
  charged: number;
  chargedTotal: number;
  failed: number;
  more: boolean;
}

interface AttemptRow {
  id: number;
  accountId: number;
  paymentMethodId: number;
  method: 'card' | 'bank';
  amount: number;
  status: 'charging' | 'succeeded' | 'processing' | 'failed';
}

/** Accounts of a batch charged at once: each waits mostly on the processor. */
const CHARGE_LANES = 8;

/** The processor's key for an account's autopay charge of a date: the same however often the run is repeated. */
export const autopayIdempotencyKey = (date: string, accountId: number) => `autopay-${date}-${accountId}`;

/**
 * The autopay run's steps. Each is safe to repeat: the run row is unique per date,
 * an account's attempt is unique per date and written before the processor is asked,
 * and the charge goes through PaymentsService under a key made from the date and the
 * account, so a repeated charge finds the first payment instead of making another.
 */
@Injectable()
export class AutopayActivities {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly figures: BillingFiguresService,
    private readonly payments: PaymentsService,
    private readonly audit: AuditService,
  ) {}

  @Activity()
  async openAutopayRun(input: { date: string; workflowId: string; startedBy: number | null }): Promise<{ autopayRunId: number }> {
    const res: { insertId: number } = await this.db.query(
      `INSERT INTO autopay_runs (run_date, workflow_id, started_by) VALUES (?, ?, ?)
       ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), status = 'running', finished_at = NULL`,
      [input.date, input.workflowId, input.startedBy],
    );
    return { autopayRunId: Number(res.insertId) };
  }

  @Activity()
  async closeAutopayRun(input: { autopayRunId: number; status: 'completed' | 'failed' }): Promise<void> {
    await this.db.query('UPDATE autopay_runs SET status = ?, finished_at = CURRENT_TIMESTAMP(3) WHERE id = ?', [
      input.status,
      input.autopayRunId,
    ]);
  }

  /**
   * Charges the next batch of due accounts, a few at a time (each is a call to the
   * processor, and they are independent: each charge locks its own account family),
   * heartbeating after each so a dead worker is noticed and the batch resumes
   * elsewhere; accounts already charged for the date are only counted.
   */
  @Activity()
  async autopayAccountsBatch(input: AutopayBatchInput): Promise<AutopayBatchResult> {
    const ids = await autopayCandidates(this.db.manager, input.date, input.afterAccountId, input.limit);
    const retryDays = retryDaysOf(this.config.AUTOPAY_RETRY_DAYS);
    let charged = 0;
    let chargedTotal = 0;
    let failed = 0;
    const { failure } = await inLanes(ids, CHARGE_LANES, async (accountId) => {
      const attempt = await this.attemptFor(input, accountId, retryDays);
      if (attempt?.status === 'charging') {
        const outcome = await this.charge(input.date, attempt);
        if (outcome === 'failed') failed++;
        else {
          charged++;
          chargedTotal += attempt.amount;
        }
      }
      Context.current().heartbeat({ accountId });
    });
    // What was charged is on its attempt row; the retried batch finds it there and only counts it.
    if (failure !== null) throw failure;
    return {
      lastAccountId: ids.length ? ids[ids.length - 1] : input.afterAccountId,
      accounts: ids.length,
      charged,
      chargedTotal,
      failed,
      more: ids.length === input.limit,
    };
  }

  /**
   * The account's attempt of the date: the one already written, or a new one when the
   * retry rule lets the account be charged and it owes something. Null: nothing to do.
   */
  private async attemptFor(input: AutopayBatchInput, accountId: number, retryDays: number[]): Promise<AttemptRow | null> {
    const existing = await this.attemptOf(this.db.manager, accountId, input.date);
    if (existing) return existing;
    const previous = await previousAttempt(this.db.manager, accountId, input.date);
    const newer = previous ? await newerInvoiceDue(this.db.manager, accountId, previous.runDate, input.date) : true;
    const decision = decide(input.date, previous, retryDays, newer);
    if (!decision.charge) return null;
    const amount = await this.amountDue(accountId, input.date);
    if (amount <= 0) return null;
    const [method]: { id: number; type: 'card' | 'bank' }[] = await this.db.query(
      'SELECT id, type FROM payment_methods WHERE autopay_account_id = ?',
      [accountId],
    );
    if (!method) return null;
    // Written before the processor is asked: a run repeated from here finds it and finishes this charge.
    await this.db.query(
      `INSERT IGNORE INTO autopay_attempts (autopay_run_id, account_id, run_date, payment_method_id, method, amount, attempt, first_attempt_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [input.autopayRunId, accountId, input.date, method.id, method.type, amount, decision.attempt, decision.firstAttemptDate],
    );
    return this.attemptOf(this.db.manager, accountId, input.date);
  }

  /**
   * The whole balance due on the account's open invoices, less what frozen invoices
   * owe: a frozen invoice is held back from payments, so autopay does not collect it.
   */
  private async amountDue(accountId: number, date: string): Promise<number> {
    const figures = await this.figures.figures(this.db.manager, accountId, date, { nextRecurring: false });
    const [frozen]: { owed: string }[] = await this.db.query(
      `SELECT COALESCE(SUM(i.total - i.paid), 0) AS owed FROM ${PAYABLE_INVOICES} i WHERE i.is_void = 0 AND i.frozen = 1`,
      [accountId, accountId],
    );
    return figures.balanceDue - Number(frozen.owed);
  }

  /**
   * Charges the attempt through PaymentsService and records how it ended. A decline or
   * a rule that forbids the payment is the account's failure, kept with its reason; the
   * processor not answering is not, and fails the activity so Temporal retries it under
   * the same key.
   */
  private async charge(date: string, attempt: AttemptRow): Promise<'succeeded' | 'processing' | 'failed'> {
    try {
      const payment = await this.payments.pay(
        attempt.method,
        { accountId: attempt.accountId, paymentMethodId: attempt.paymentMethodId, amount: attempt.amount, date },
        autopayIdempotencyKey(date, attempt.accountId),
      );
      const status = payment.status === 'pending' ? 'processing' : 'succeeded';
      await this.record(attempt, status, null, payment.id);
      return status;
    } catch (err) {
      if (err instanceof ProcessorUnavailableException || err instanceof PaymentInProgressException) throw err;
      if (!(err instanceof DomainException)) throw err;
      const reason = err instanceof PaymentFailedException ? (err.details[0]?.message ?? err.message) : err.message;
      await this.record(attempt, 'failed', reason, err instanceof PaymentFailedException ? err.paymentId : null);
      return 'failed';
    }
  }

  private async record(
    attempt: AttemptRow,
    status: 'succeeded' | 'processing' | 'failed',
    reason: string | null,
    paymentId: number | null,
  ) {
    await transactionWithRetry(this.db, async (em) => {
      const res: { affectedRows: number } = await em.query(
        `UPDATE autopay_attempts SET status = ?, reason = ?, processor_payment_id = ?, finished_at = CURRENT_TIMESTAMP(3)
          WHERE id = ? AND status = 'charging'`,
        [status, reason?.slice(0, 500) ?? null, paymentId, attempt.id],
      );
      if (!res.affectedRows) return;
      await this.audit.recordAction(em, {
        action: `autopay.${status}`,
        entityType: 'autopay_attempt',
        entityId: attempt.id,
        accountId: attempt.accountId,
        before: { status: 'charging' },
        after: { status, amount: attempt.amount, reason, processorPaymentId: paymentId },
      });
    });
  }

  private async attemptOf(em: EntityManager, accountId: number, date: string): Promise<AttemptRow | null> {
    const [row]: Record<string, unknown>[] = await em.query(
      'SELECT id, account_id, payment_method_id, method, amount, status FROM autopay_attempts WHERE account_id = ? AND run_date = ?',
      [accountId, date],
    );
    if (!row) return null;
    return {
      id: Number(row.id),
      accountId: Number(row.account_id),
      paymentMethodId: Number(row.payment_method_id),
      method: row.method as AttemptRow['method'],
      amount: Number(row.amount),
      status: row.status as AttemptRow['status'],
    };
  }
}
