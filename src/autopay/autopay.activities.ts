import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BillingFiguresService } from '../billing/billing-figures.service';
import { PAYABLE_INVOICES_OF_MANY } from '../billing/ledger-postings';
import { DomainException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PaymentInProgressException, ProcessorUnavailableException } from '../payments/payments.exception';
import { PaymentsService } from '../payments/payments.service';
import { autopayCandidates, newerInvoiceDue, previousAttempts } from './autopay-due';
import { AutopayDecision, decide, retryDaysOf } from './autopay-policy';
import { setEach } from '../database/case-by-id';
import { transactionWithRetry } from '../database/transaction';
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

/** How one charge of a batch ended, to be written on its attempt. */
interface AttemptOutcome {
  attempt: AttemptRow;
  status: 'succeeded' | 'processing' | 'failed';
  reason: string | null;
  paymentId: number | null;
}

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
   * Charges the next batch of due accounts: their attempts written set-wise, the
   * charges made together through PaymentsService.payMany (the processor asked a few
   * at a time, the answers settled in one transaction), the attempts' outcomes
   * recorded set-wise, heartbeating after each charge so a dead worker is noticed and
   * the batch resumes elsewhere; accounts already charged for the date are only counted.
   */
  @Activity()
  async autopayAccountsBatch(input: AutopayBatchInput): Promise<AutopayBatchResult> {
    const ids = await autopayCandidates(this.db.manager, input.date, input.afterAccountId, input.limit);
    const attempts = await this.attemptsFor(input, ids, retryDaysOf(this.config.AUTOPAY_RETRY_DAYS));
    const charging = attempts.filter((a) => a.status === 'charging');
    const outcomes = await this.charge(input.date, charging);
    let charged = 0;
    let chargedTotal = 0;
    let failed = 0;
    charging.forEach((attempt, i) => {
      if (outcomes[i] === 'failed') failed++;
      else if (outcomes[i] !== null) {
        charged++;
        chargedTotal += attempt.amount;
      }
    });
    // What was charged is on its attempt row; the retried batch finds it there and only counts it.
    const unanswered = outcomes.find((o): o is Error => o instanceof Error);
    if (unanswered) throw unanswered;
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
   * The accounts' attempts of the date: those already written, and a new one for each
   * account the retry rule lets be charged that owes something, all written before
   * the processor is asked, so a run repeated from here finds them and finishes them.
   */
  private async attemptsFor(input: AutopayBatchInput, ids: number[], retryDays: number[]): Promise<AttemptRow[]> {
    const em = this.db.manager;
    const existing = await this.attemptsOf(em, ids, input.date);
    const fresh = ids.filter((id) => !existing.has(id));
    const previous = await previousAttempts(em, fresh, input.date);
    const decided: { accountId: number; decision: Extract<AutopayDecision, { charge: true }> }[] = [];
    for (const accountId of fresh) {
      const before = previous.get(accountId) ?? null;
      // Only a failed series that used up its retries asks whether a newer invoice came due.
      const newer = before?.status === 'failed' ? await newerInvoiceDue(em, accountId, before.runDate, input.date) : true;
      const decision = decide(input.date, before, retryDays, newer);
      if (decision.charge) decided.push({ accountId, decision });
    }
    const amounts = await this.amountsDue(
      decided.map((d) => d.accountId),
      input.date,
    );
    const methods = await this.autopayMethods(decided.map((d) => d.accountId));
    const rows = decided.flatMap(({ accountId, decision }) => {
      const amount = amounts.get(accountId) ?? 0;
      const method = methods.get(accountId);
      if (amount <= 0 || !method) return [];
      return [[input.autopayRunId, accountId, input.date, method.id, method.type, amount, decision.attempt, decision.firstAttemptDate]];
    });
    if (!rows.length) return ids.flatMap((id) => existing.get(id) ?? []);
    await this.db.query(
      `INSERT IGNORE INTO autopay_attempts (autopay_run_id, account_id, run_date, payment_method_id, method, amount, attempt, first_attempt_date)
       VALUES ?`,
      [rows],
    );
    const all = await this.attemptsOf(em, ids, input.date);
    return ids.flatMap((id) => all.get(id) ?? []);
  }

  /**
   * The whole balance due on each account's open invoices, less what frozen invoices
   * owe: a frozen invoice is held back from payments, so autopay does not collect it.
   */
  private async amountsDue(accountIds: number[], date: string): Promise<Map<number, number>> {
    const amounts = new Map<number, number>();
    if (!accountIds.length) return amounts;
    const figures = await this.figures.figuresOf(this.db.manager, accountIds, date, { nextRecurring: false });
    const frozen: { payer_id: number; owed: string }[] = await this.db.query(
      `SELECT i.payer_id, SUM(i.total - i.paid) AS owed FROM ${PAYABLE_INVOICES_OF_MANY} i WHERE i.is_void = 0 AND i.frozen = 1 GROUP BY i.payer_id`,
      [accountIds, accountIds],
    );
    const held = new Map(frozen.map((r) => [Number(r.payer_id), Number(r.owed)]));
    for (const [accountId, f] of figures) amounts.set(accountId, f.balanceDue - (held.get(accountId) ?? 0));
    return amounts;
  }

  /** The method each account's autopay charges. */
  private async autopayMethods(accountIds: number[]): Promise<Map<number, { id: number; type: 'card' | 'bank' }>> {
    if (!accountIds.length) return new Map();
    const rows: { id: number; type: 'card' | 'bank'; autopay_account_id: number }[] = await this.db.query(
      'SELECT id, type, autopay_account_id FROM payment_methods WHERE autopay_account_id IN (?)',
      [accountIds],
    );
    return new Map(rows.map((r) => [Number(r.autopay_account_id), { id: Number(r.id), type: r.type }]));
  }

  /**
   * Charges the attempts through PaymentsService.payMany and records how each ended, in
   * the attempts' order: a decline or a rule that forbids the payment is the account's
   * failure, kept with its reason. The processor not answering is not: that attempt
   * stays charging and its error is answered, so the activity fails and Temporal
   * retries it under the same keys.
   */
  private async charge(date: string, attempts: AttemptRow[]): Promise<('succeeded' | 'processing' | 'failed' | Error | null)[]> {
    const results = await this.payments.payMany(
      attempts.map((attempt) => ({
        method: attempt.method,
        dto: { accountId: attempt.accountId, paymentMethodId: attempt.paymentMethodId, amount: attempt.amount, date },
        idempotencyKey: autopayIdempotencyKey(date, attempt.accountId),
      })),
      () => Context.current().heartbeat(),
    );
    const outcomes: AttemptOutcome[] = [];
    const answers = results.map((result, i): 'succeeded' | 'processing' | 'failed' | Error => {
      const attempt = attempts[i];
      if (result instanceof Error) {
        if (result instanceof ProcessorUnavailableException || result instanceof PaymentInProgressException) return result;
        if (!(result instanceof DomainException)) return result;
        outcomes.push({ attempt, status: 'failed', reason: result.message, paymentId: null });
        return 'failed';
      }
      if (result.status === 'failed') {
        outcomes.push({ attempt, status: 'failed', reason: result.failureReason ?? 'no reason was given', paymentId: result.id });
        return 'failed';
      }
      const status = result.status === 'pending' ? 'processing' : 'succeeded';
      outcomes.push({ attempt, status, reason: null, paymentId: result.id });
      return status;
    });
    await this.record(outcomes);
    return answers;
  }

  /** Writes the attempts' outcomes and their audit entries; an attempt recorded already (a repeated batch) keeps its first. */
  private async record(outcomes: AttemptOutcome[]): Promise<void> {
    if (!outcomes.length) return;
    await transactionWithRetry(this.db, async (em) => {
      const open: { id: number }[] = await em.query("SELECT id FROM autopay_attempts WHERE id IN (?) AND status = 'charging' FOR UPDATE", [
        outcomes.map((o) => o.attempt.id),
      ]);
      const stillOpen = new Set(open.map((r) => Number(r.id)));
      const recording = outcomes.filter((o) => stillOpen.has(o.attempt.id));
      if (!recording.length) return;
      const each = setEach(recording, (o) => o.attempt.id, {
        status: (o) => o.status,
        reason: (o) => o.reason?.slice(0, 500) ?? null,
        processor_payment_id: (o) => o.paymentId,
      });
      await em.query(
        `UPDATE autopay_attempts SET ${each.sql}, finished_at = CURRENT_TIMESTAMP(3) WHERE id IN (?) AND status = 'charging'`,
        [...each.params, recording.map((o) => o.attempt.id)],
      );
      await this.audit.recordActions(
        em,
        recording.map(({ attempt, status: s, reason: r, paymentId }) => ({
          action: `autopay.${s}`,
          entityType: 'autopay_attempt',
          entityId: attempt.id,
          accountId: attempt.accountId,
          before: { status: 'charging' },
          after: { status: s, amount: attempt.amount, reason: r, processorPaymentId: paymentId },
        })),
      );
    });
  }

  private async attemptsOf(em: EntityManager, accountIds: number[], date: string): Promise<Map<number, AttemptRow>> {
    if (!accountIds.length) return new Map();
    const rows: Record<string, unknown>[] = await em.query(
      'SELECT id, account_id, payment_method_id, method, amount, status FROM autopay_attempts WHERE account_id IN (?) AND run_date = ?',
      [accountIds, date],
    );
    return new Map(
      rows.map((row) => [
        Number(row.account_id),
        {
          id: Number(row.id),
          accountId: Number(row.account_id),
          paymentMethodId: Number(row.payment_method_id),
          method: row.method as AttemptRow['method'],
          amount: Number(row.amount),
          status: row.status as AttemptRow['status'],
        },
      ]),
    );
  }
}
