import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { InvoiceEmailService } from '../correspondence-templates/invoice-email.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { InvoiceBatchService } from '../billing/invoice-batch.service';
import { ConflictException, NotFoundException } from '../common/errors';
import { requestContext } from '../common/request-context';
import { transactionWithRetry } from '../database/transaction';
import { BillRunsErrorCode } from './bill-runs.error-codes';

export interface ParkedAccount {
  id: number;
  billRunId: number;
  runDate: string;
  accountId: number;
  accountName: string;
  rule: 'unexplained_charges' | 'negative_total' | 'spike';
  reason: string;
  total: number;
  usualTotal: number | null;
  status: 'parked' | 'released' | 'dismissed';
  invoiceId: number | null;
  resolvedBy: number | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

const PARKED_SQL = `SELECT p.id, p.bill_run_id, DATE_FORMAT(r.run_date, '%Y-%m-%d') AS run_date, p.account_id, a.name AS account_name,
    p.rule, p.reason, p.total, p.usual_total, p.status, p.invoice_id, p.resolved_by, p.resolved_at, p.created_at
  FROM bill_run_parked p JOIN bill_runs r ON r.id = p.bill_run_id JOIN accounts a ON a.id = p.account_id`;

function toParked(r: Record<string, unknown>): ParkedAccount {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.id),
    billRunId: Number(r.bill_run_id),
    runDate: r.run_date as string,
    accountId: Number(r.account_id),
    accountName: r.account_name as string,
    rule: r.rule as ParkedAccount['rule'],
    reason: r.reason as string,
    total: Number(r.total),
    usualTotal: num(r.usual_total),
    status: r.status as ParkedAccount['status'],
    invoiceId: num(r.invoice_id),
    resolvedBy: num(r.resolved_by),
    resolvedAt: (r.resolved_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
  };
}

/**
 * Accounts a bill run parked, and the two decisions a person makes about one:
 * release (invoice it as computed, without the bounds) or dismiss (leave it
 * uninvoiced for this date, say after fixing its services by hand).
 */
@Injectable()
export class ParkedInvoicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: FamilyLockService,
    private readonly invoicing: InvoiceBatchService,
    private readonly audit: AuditService,
    private readonly invoiceEmail: InvoiceEmailService,
    @InjectPinoLogger(ParkedInvoicesService.name) private readonly logger: PinoLogger,
  ) {}

  async listForRun(billRunId: number): Promise<ParkedAccount[]> {
    const rows: Record<string, unknown>[] = await this.db.query(`${PARKED_SQL} WHERE p.bill_run_id = ? ORDER BY p.account_id`, [billRunId]);
    return rows.map(toParked);
  }

  async release(billRunId: number, accountId: number): Promise<ParkedAccount> {
    const released = await transactionWithRetry(this.db, async (em) => {
      const parents = await this.locks.lockMany(em, [accountId]);
      const parked = await this.requireParked(em, billRunId, accountId);
      const outcome = await this.invoicing.invoiceFamilies(em, [accountId], parked.runDate, parents);
      const invoiceId = outcome.invoices.get(accountId)?.invoiceId ?? null;
      // Children billed while their parent was parked found no invoice to link to: link them now.
      await this.invoicing.linkWaitingChildren(em, accountId, parked.runDate);
      return this.resolve(em, parked, 'released', invoiceId);
    });
    // Mailed as the run would have mailed it, after the commit and under the same keys. The release
    // stands whatever happens here; a clerk can still email the invoice from its actions.
    try {
      await this.invoiceEmail.queueBillRunInvoices([accountId], released.runDate);
    } catch (err) {
      this.logger.error({ err, billRunId, accountId }, 'Released invoice could not be queued for email');
    }
    return released;
  }

  async dismiss(billRunId: number, accountId: number): Promise<ParkedAccount> {
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lockMany(em, [accountId]);
      const parked = await this.requireParked(em, billRunId, accountId);
      return this.resolve(em, parked, 'dismissed', null);
    });
  }

  private async requireParked(em: EntityManager, billRunId: number, accountId: number): Promise<ParkedAccount> {
    const [row]: Record<string, unknown>[] = await em.query(`${PARKED_SQL} WHERE p.bill_run_id = ? AND p.account_id = ? FOR UPDATE`, [
      billRunId,
      accountId,
    ]);
    if (!row) throw new NotFoundException(`Parked account ${accountId} of bill run`, billRunId);
    const parked = toParked(row);
    if (parked.status !== 'parked') {
      throw new ConflictException(
        BillRunsErrorCode.ParkedAccountResolved,
        `Account ${accountId} was already ${parked.status} on this bill run`,
      );
    }
    return parked;
  }

  private async resolve(
    em: EntityManager,
    parked: ParkedAccount,
    status: 'released' | 'dismissed',
    invoiceId: number | null,
  ): Promise<ParkedAccount> {
    const actor = requestContext.current()?.actor?.userId ?? null;
    await em.query(
      'UPDATE bill_run_parked SET status = ?, invoice_id = ?, resolved_by = ?, resolved_at = CURRENT_TIMESTAMP(3) WHERE id = ?',
      [status, invoiceId, actor, parked.id],
    );
    await this.audit.recordAction(em, {
      action: `bill_run.parked.${status === 'released' ? 'release' : 'dismiss'}`,
      entityType: 'bill_run',
      entityId: parked.billRunId,
      accountId: parked.accountId,
      before: { status: parked.status, rule: parked.rule, total: parked.total },
      after: { status, invoiceId },
    });
    const [row]: Record<string, unknown>[] = await em.query(`${PARKED_SQL} WHERE p.id = ?`, [parked.id]);
    return toParked(row);
  }
}
