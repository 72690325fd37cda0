import { groupInto } from '../common/group-into';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { CatalogService } from '../catalog/catalog.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListResult } from '../common/list-query';
import { requestContext } from '../common/request-context';
import { transactionWithRetry } from '../database/transaction';
import { TaxService } from '../taxes/tax.service';
import { addDays } from './billing-calendar';
import { OWING_INVOICE_CONDITION, UNINVOICED_CHARGE_CONDITION } from './billing-figures.service';
import { CreateInvoiceDto, InvoiceResponseDto, UpdateInvoiceDto } from './dto/invoice.dto';
import { FamilyLockService } from './family-lock.service';
import { InvoiceRows } from './invoice-rows';
import { InvoiceNumbering } from './invoice-numbering';
import { LedgerPostings, TRANSACTION_COLUMNS, toTransactionRow, TransactionRow } from './ledger-postings';
import { LedgerService } from './ledger.service';
import {
  agingBucketCondition,
  agingBucketParams,
  type AgingBucket,
  OPEN_INVOICE_CONDITION,
  OPEN_INVOICE_INDEXED,
} from './receivables-aging';
import { BillingErrorCode } from './billing.error-codes';

const INVOICE_COLUMNS = `i.id, i.account_id, a.name AS account_name, i.number, DATE_FORMAT(i.invoice_date, '%Y-%m-%d') AS invoice_date,
  DATE_FORMAT(i.due_date, '%Y-%m-%d') AS due_date, DATE_FORMAT(i.period_start, '%Y-%m-%d') AS period_start,
  DATE_FORMAT(i.period_end, '%Y-%m-%d') AS period_end, i.months, i.total, i.tax_total, i.paid, i.frozen, i.delinquent, i.is_void,
  i.manual, i.message, i.parent_invoice_id, p.number AS parent_invoice_number, p.account_id AS parent_account_id,
  (SELECT COALESCE(SUM(c.total - c.paid), 0) FROM invoices c WHERE c.parent_invoice_id = i.id AND c.is_void = 0) AS child_remaining,
  i.created_at`;

const INVOICE_FROM = 'invoices i JOIN accounts a ON a.id = i.account_id LEFT JOIN invoices p ON p.id = i.parent_invoice_id';

export function toInvoiceResponse(r: Record<string, unknown>): InvoiceResponseDto {
  const total = Number(r.total);
  const paid = Number(r.paid);
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    accountName: r.account_name as string,
    number: r.number as string,
    invoiceDate: r.invoice_date as string,
    dueDate: r.due_date as string,
    periodStart: (r.period_start as string | null) ?? null,
    periodEnd: (r.period_end as string | null) ?? null,
    months: Number(r.months),
    total,
    taxTotal: Number(r.tax_total),
    paid,
    remaining: total - paid,
    childRemaining: Number(r.child_remaining),
    frozen: Boolean(Number(r.frozen)),
    delinquent: Boolean(Number(r.delinquent)),
    void: Boolean(Number(r.is_void)),
    manual: Boolean(Number(r.manual)),
    message: (r.message as string | null) ?? null,
    parentInvoiceId: r.parent_invoice_id === null ? null : Number(r.parent_invoice_id),
    parentInvoiceNumber: (r.parent_invoice_number as string | null) ?? null,
    parentAccountId: r.parent_account_id === null ? null : Number(r.parent_account_id),
    createdAt: r.created_at as Date,
  };
}

export interface InvoiceListFilter {
  accountId?: number;
  id?: number[];
  open?: boolean;
  parentInvoiceId?: number;
  childrenOfAccountId?: number;
  agingBucket?: AgingBucket;
  /** YYYY-MM */
  invoicedIn?: string;
}

const SORT: Record<string, string> = { id: 'i.id', invoiceDate: 'i.invoice_date', dueDate: 'i.due_date', total: 'i.total' };

/** Invoices: reading them, creating them by hand, freezing, voiding, deleting, and linking a child's to a parent's. */
@Injectable()
export class InvoicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: FamilyLockService,
    private readonly postings: LedgerPostings,
    private readonly ledger: LedgerService,
    private readonly catalog: CatalogService,
    private readonly taxes: TaxService,
    private readonly billingConfig: BillingConfigService,
    private readonly audit: AuditService,
    private readonly numbering: InvoiceNumbering,
    private readonly invoiceRows: InvoiceRows,
  ) {}

  async list(filter: InvoiceListFilter, sort: { field: string; order: 'ASC' | 'DESC' }, offset: number, limit: number) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.accountId) {
      where.push('i.account_id = ?');
      params.push(filter.accountId);
    }
    if (filter.id?.length) {
      where.push('i.id IN (?)');
      params.push(filter.id);
    }
    if (filter.open !== undefined) where.push(filter.open ? OPEN_INVOICE_CONDITION : `NOT (${OPEN_INVOICE_CONDITION})`);
    if (filter.agingBucket) {
      where.push(`${OPEN_INVOICE_INDEXED} AND ${agingBucketCondition(filter.agingBucket, '?')}`);
      params.push(...agingBucketParams(filter.agingBucket, this.ledger.today()));
    }
    if (filter.invoicedIn) {
      // The same rows BookFiguresService.byMonth sums for the month.
      where.push(`i.invoice_date BETWEEN ? AND LAST_DAY(?) AND ${OWING_INVOICE_CONDITION}`);
      params.push(`${filter.invoicedIn}-01`, `${filter.invoicedIn}-01`);
    }
    if (filter.parentInvoiceId) {
      where.push('i.parent_invoice_id = ?');
      params.push(filter.parentInvoiceId);
    }
    if (filter.childrenOfAccountId) {
      where.push('p.account_id = ?');
      params.push(filter.childrenOfAccountId);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM ${INVOICE_FROM} ${clause}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${INVOICE_COLUMNS} FROM ${INVOICE_FROM} ${clause} ORDER BY ${SORT[sort.field] ?? 'i.id'} ${sort.order}, i.id ${sort.order} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return new ListResult('invoices', rows.map(toInvoiceResponse), Number(n), offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<InvoiceResponseDto> {
    const invoice = (await this.getMany([id], em)).get(id);
    if (!invoice) throw new NotFoundException('Invoice', id);
    return invoice;
  }

  /** Many invoices in one query, by id; unknown ids are left out. */
  async getMany(ids: number[], em: EntityManager = this.db.manager): Promise<Map<number, InvoiceResponseDto>> {
    if (!ids.length) return new Map();
    const rows: Record<string, unknown>[] = await em.query(`SELECT ${INVOICE_COLUMNS} FROM ${INVOICE_FROM} WHERE i.id IN (?)`, [ids]);
    return new Map(rows.map((row) => [Number(row.id), toInvoiceResponse(row)]));
  }

  /** The child invoices linked to each of the invoices, by id. */
  async childrenOf(ids: number[]): Promise<Map<number, InvoiceResponseDto[]>> {
    const children = new Map<number, InvoiceResponseDto[]>();
    if (!ids.length) return children;
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${INVOICE_COLUMNS} FROM ${INVOICE_FROM} WHERE i.parent_invoice_id IN (?) ORDER BY i.id`,
      [ids],
    );
    for (const child of rows.map(toInvoiceResponse)) groupInto(children, child.parentInvoiceId as number, child);
    return children;
  }

  /** The debits on each of the invoices, oldest first, in one query. */
  async chargesOf(ids: number[]): Promise<Map<number, TransactionRow[]>> {
    const charges = new Map<number, TransactionRow[]>();
    if (!ids.length) return charges;
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${TRANSACTION_COLUMNS} FROM transactions t WHERE t.invoice_id IN (?) ORDER BY t.transaction_date, t.id`,
      [ids],
    );
    for (const charge of rows.map(toTransactionRow)) groupInto(charges, charge.invoiceId as number, charge);
    return charges;
  }

  /** Debits on the invoice and the credits applied to it, oldest first. */
  async transactions(id: number): Promise<{ charges: TransactionRow[]; credits: (TransactionRow & { appliedAmount: number })[] }> {
    await this.get(id);
    const charges = (await this.chargesOf([id])).get(id) ?? [];
    const credits: Record<string, unknown>[] = await this.db.query(
      `SELECT ${TRANSACTION_COLUMNS}, SUM(a.amount) AS applied_amount FROM credit_applications a
         JOIN transactions t ON t.id = a.credit_transaction_id
        WHERE a.invoice_id = ? AND a.removed_at IS NULL GROUP BY t.id ORDER BY t.transaction_date, t.id`,
      [id],
    );
    return {
      charges,
      credits: credits.map((r) => ({ ...toTransactionRow(r), appliedAmount: Number(r.applied_amount) })),
    };
  }

  /**
   * A hand-made invoice: new one-time lines and, when asked, every charge still
   * waiting for an invoice. Credits on the account apply to it straight away.
   */
  async createManual(dto: CreateInvoiceDto): Promise<InvoiceResponseDto> {
    if (!dto.lines?.length && !dto.includeUninvoiced) {
      throw new BadInputException([{ field: 'lines', rule: 'required', message: 'give at least one line or set includeUninvoiced' }]);
    }
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, dto.accountId);
      const date = dto.invoiceDate ?? this.ledger.today();
      await this.billingConfig.assertOpen(em, date, 'An invoice');
      const settings = await this.billingConfig.effective(em, dto.accountId);
      const dueDate = dto.dueDate ?? addDays(date, settings.dueDays);
      if (dueDate < date)
        throw new BadInputException([{ field: 'dueDate', rule: 'afterInvoiceDate', message: 'dueDate cannot be before invoiceDate' }]);
      const ctx = await this.taxes.contextFor(em, dto.accountId, { exempt: settings.taxExempt });
      const ids: number[] = [];
      for (const [i, line] of (dto.lines ?? []).entries()) {
        const service = await this.catalog.requireService(em, line.serviceId, `lines.${i}.serviceId`);
        if (service.kind === 'adjustment') {
          throw new BadInputException([
            { field: `lines.${i}.serviceId`, rule: 'notAdjustment', message: 'adjustment services cannot be invoice lines' },
          ]);
        }
        const quantity = line.quantity ?? 1;
        const amount = (line.price ?? service.price) * quantity;
        if (amount <= 0)
          throw new BadInputException([{ field: `lines.${i}.price`, rule: 'positive', message: 'a line must charge more than zero' }]);
        ids.push(
          await this.postings.insert(em, {
            accountId: dto.accountId,
            kind: 'debit',
            side: 'debit',
            amount,
            taxes: this.taxes.taxLines(ctx, amount, service.taxIds),
            date,
            description: line.description?.trim() || service.name,
            serviceId: service.id,
            quantity,
          }),
        );
      }
      if (dto.includeUninvoiced) {
        const pending: { id: number }[] = await em.query(
          `SELECT t.id FROM transactions t WHERE t.account_id = ? AND ${UNINVOICED_CHARGE_CONDITION} AND t.transaction_date <= ?`,
          [dto.accountId, date],
        );
        for (const p of pending) if (!ids.includes(Number(p.id))) ids.push(Number(p.id));
      }
      if (!ids.length)
        throw new ConflictException(BillingErrorCode.NothingToInvoice, 'There are no charges waiting for an invoice on this account');
      const [invoiceId] = await this.invoiceRows.insert(em, [
        {
          accountId: dto.accountId,
          invoiceDate: date,
          dueDate,
          periodStart: dto.periodStart ?? null,
          periodEnd: dto.periodEnd ?? null,
          months: dto.months ?? 1,
          generatedFor: null,
          message: dto.message ?? settings.invoiceMessage,
        },
      ]);
      await this.postings.fillInvoice(em, invoiceId, ids);
      await this.postings.autoApply(em, dto.accountId);
      const after = await this.get(invoiceId, em);
      await this.audit.recordAction(em, {
        action: 'invoice.create',
        entityType: 'invoice',
        entityId: invoiceId,
        accountId: dto.accountId,
        before: null,
        after: { ...after, transactions: ids },
      });
      return after;
    });
  }

  /** Freeze, unfreeze, or change the printed message. A frozen invoice only accepts being unfrozen. */
  async update(id: number, dto: UpdateInvoiceDto): Promise<InvoiceResponseDto> {
    return this.withInvoice(id, async (em, before) => {
      if (before.void) throw new ConflictException(BillingErrorCode.InvoiceVoid, `Invoice ${before.number} is void and cannot be changed`);
      if (before.frozen && dto.frozen !== false) {
        throw new ConflictException(BillingErrorCode.InvoiceFrozen, `Invoice ${before.number} is frozen; unfreeze it before changing it`);
      }
      const frozen = dto.frozen ?? before.frozen;
      const message = dto.message === undefined ? before.message : dto.message;
      await em.query('UPDATE invoices SET frozen = ?, message = ? WHERE id = ?', [frozen ? 1 : 0, message, id]);
      // Unfreezing opens the invoice to credit waiting on the account.
      if (before.frozen && !frozen) await this.postings.autoApply(em, before.parentAccountId ?? before.accountId);
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: frozen !== before.frozen ? (frozen ? 'invoice.freeze' : 'invoice.unfreeze') : 'invoice.update',
        entityType: 'invoice',
        entityId: id,
        accountId: before.accountId,
        before: { frozen: before.frozen, message: before.message },
        after: { frozen: after.frozen, message: after.message },
      });
      return after;
    });
  }

  /**
   * Voiding: payments and discounts come off the invoice and are free to pay
   * other invoices; every debit on it is reversed; the reversing discounts zero
   * it; it is marked void and changes no more. Child invoices linked to it go
   * back to their own accounts.
   */
  async voidInvoice(id: number, reason?: string, effectiveDate?: string): Promise<InvoiceResponseDto> {
    return this.withInvoice(id, async (em, before) => {
      if (before.void) throw new ConflictException(BillingErrorCode.InvoiceVoid, `Invoice ${before.number} is already void`);
      if (before.frozen)
        throw new ConflictException(BillingErrorCode.InvoiceFrozen, `Invoice ${before.number} is frozen; unfreeze it before voiding it`);
      await this.billingConfig.assertOpen(em, before.invoiceDate, `Invoice ${before.number}`);
      const date = await this.ledger.correctionDate(em, effectiveDate, { date: before.invoiceDate, what: `Invoice ${before.number}` });
      await this.postings.removeApplications(
        em,
        `a.invoice_id = ? AND NOT (t.corrects_transaction_id IS NOT NULL AND t.kind = 'discount'
           AND t.corrects_transaction_id IN (SELECT d.id FROM transactions d WHERE d.invoice_id = ?))`,
        [id, id],
        'invoice voided',
      );
      const children: { id: number; account_id: number }[] = await em.query(
        'SELECT id, account_id FROM invoices WHERE parent_invoice_id = ?',
        [id],
      );
      for (const child of children) await this.detachChild(em, Number(child.id), before.accountId);
      const debits: Record<string, unknown>[] = await em.query(
        `SELECT ${TRANSACTION_COLUMNS} FROM transactions t
          WHERE t.invoice_id = ? AND t.corrected_by_transaction_id IS NULL ORDER BY t.id FOR UPDATE`,
        [id],
      );
      // Discounts from debits reversed earlier belong with this invoice: pull them back from wherever they went.
      const earlier: { id: number }[] = await em.query(
        `SELECT r.id FROM transactions r JOIN transactions d ON d.id = r.corrects_transaction_id
          WHERE d.invoice_id = ? AND r.kind = 'discount' ORDER BY r.id`,
        [id],
      );
      for (const r of earlier) {
        await this.postings.removeApplications(
          em,
          'a.credit_transaction_id = ? AND a.invoice_id <> ?',
          [r.id, id],
          'reversal returned to its voided invoice',
        );
      }
      for (const debit of debits.map(toTransactionRow))
        await this.ledger.postReversal(em, debit, reason ?? `invoice ${before.number} voided`, date);
      for (const r of earlier) {
        const [inv]: { remaining: number }[] = await em.query('SELECT total - paid AS remaining FROM invoices WHERE id = ?', [id]);
        const left = await this.postings.unapplied(em, Number(r.id));
        await this.postings.apply(em, Number(r.id), id, Math.min(Number(inv.remaining), left));
      }
      await em.query('UPDATE invoices SET is_void = 1, voided_at = CURRENT_TIMESTAMP(3) WHERE id = ?', [id]);
      await this.postings.autoApply(em, before.accountId);
      for (const child of children) await this.postings.autoApply(em, Number(child.account_id));
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'invoice.void',
        entityType: 'invoice',
        entityId: id,
        accountId: before.accountId,
        before: { ...before },
        after: { ...after, reason: reason ?? null, effectiveDate: date },
      });
      return after;
    });
  }

  /**
   * Only a hand-made invoice dated after the accounting close date; its charges go back to waiting for an invoice.
   * Its number stays on record as withdrawn, so the sequence keeps no unexplained hole.
   */
  async deleteInvoice(id: number): Promise<void> {
    await this.withInvoice(id, async (em, before) => {
      if (!before.manual) {
        throw new ConflictException(
          BillingErrorCode.InvoiceNotManual,
          `Invoice ${before.number} was produced by billing; only hand-made invoices can be deleted`,
        );
      }
      if (before.void)
        throw new ConflictException(BillingErrorCode.InvoiceVoid, `Invoice ${before.number} is void; void invoices stay on record`);
      if (before.frozen)
        throw new ConflictException(BillingErrorCode.InvoiceFrozen, `Invoice ${before.number} is frozen; unfreeze it before deleting it`);
      await this.billingConfig.assertOpen(em, before.invoiceDate, `Invoice ${before.number}`);
      const [reversed]: { n: number }[] = await em.query(
        'SELECT COUNT(*) AS n FROM transactions WHERE invoice_id = ? AND corrected_by_transaction_id IS NOT NULL',
        [id],
      );
      if (Number(reversed.n) > 0) {
        throw new ConflictException(
          BillingErrorCode.InvoiceHasReversals,
          `Invoice ${before.number} has reversed charges, so deleting it would separate them from their reversals; void it instead`,
        );
      }
      const children: { id: number }[] = await em.query('SELECT id FROM invoices WHERE parent_invoice_id = ?', [id]);
      for (const child of children) await this.detachChild(em, Number(child.id), before.accountId);
      await this.postings.removeApplications(em, 'a.invoice_id = ?', [id], 'invoice deleted');
      await em.query('DELETE FROM credit_applications WHERE invoice_id = ?', [id]);
      await em.query('UPDATE transactions SET invoice_id = NULL WHERE invoice_id = ?', [id]);
      await this.numbering.withdraw(em, id, requestContext.current()?.actor?.userId ?? null);
      await em.query('DELETE FROM invoices WHERE id = ?', [id]);
      await this.postings.autoApply(em, before.accountId);
      await this.audit.recordAction(em, {
        action: 'invoice.delete',
        entityType: 'invoice',
        entityId: id,
        accountId: before.accountId,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  /** Puts a child account's invoice under one of its parent's invoices, so the parent's credit pays it. */
  async linkChildInvoice(parentInvoiceId: number, childInvoiceId: number): Promise<InvoiceResponseDto> {
    return this.withInvoice(parentInvoiceId, async (em, parent) => {
      const child = await this.get(childInvoiceId, em);
      const [acct]: { parent_account_id: number | null }[] = await em.query('SELECT parent_account_id FROM accounts WHERE id = ?', [
        child.accountId,
      ]);
      if (Number(acct.parent_account_id) !== parent.accountId) {
        throw new BadInputException([
          {
            field: 'childInvoiceId',
            rule: 'childAccount',
            message: `invoice ${child.number} does not belong to a child of account ${parent.accountId}`,
          },
        ]);
      }
      if (parent.parentInvoiceId !== null) {
        throw new BadInputException([
          { field: 'parentInvoiceId', rule: 'notChild', message: `invoice ${parent.number} is itself linked to a parent invoice` },
        ]);
      }
      if (child.parentInvoiceId !== null) {
        throw new ConflictException(
          BillingErrorCode.InvoiceLinked,
          `Invoice ${child.number} is already linked to invoice ${child.parentInvoiceNumber}`,
        );
      }
      for (const inv of [parent, child]) {
        if (inv.void) throw new ConflictException(BillingErrorCode.InvoiceVoid, `Invoice ${inv.number} is void and cannot be linked`);
        if (inv.frozen)
          throw new ConflictException(BillingErrorCode.InvoiceFrozen, `Invoice ${inv.number} is frozen; unfreeze it before linking`);
      }
      await em.query('UPDATE invoices SET parent_invoice_id = ? WHERE id = ?', [parentInvoiceId, childInvoiceId]);
      await this.postings.autoApply(em, parent.accountId);
      const after = await this.get(childInvoiceId, em);
      await this.audit.recordAction(em, {
        action: 'invoice.link',
        entityType: 'invoice',
        entityId: childInvoiceId,
        accountId: child.accountId,
        before: { parentInvoiceId: null },
        after: { parentInvoiceId },
      });
      return after;
    });
  }

  /** Takes a child's invoice back from its parent's; the parent's credit on it returns to the parent. */
  async unlinkChildInvoice(childInvoiceId: number): Promise<InvoiceResponseDto> {
    return this.withInvoice(childInvoiceId, async (em, child) => {
      if (child.parentInvoiceId === null || child.parentAccountId === null) {
        throw new ConflictException(BillingErrorCode.InvoiceNotLinked, `Invoice ${child.number} is not linked to a parent invoice`);
      }
      if (child.frozen)
        throw new ConflictException(BillingErrorCode.InvoiceFrozen, `Invoice ${child.number} is frozen; unfreeze it before unlinking`);
      await this.detachChild(em, childInvoiceId, child.parentAccountId);
      await this.postings.autoApply(em, child.parentAccountId);
      await this.postings.autoApply(em, child.accountId);
      const after = await this.get(childInvoiceId, em);
      await this.audit.recordAction(em, {
        action: 'invoice.unlink',
        entityType: 'invoice',
        entityId: childInvoiceId,
        accountId: child.accountId,
        before: { parentInvoiceId: child.parentInvoiceId },
        after: { parentInvoiceId: null },
      });
      return after;
    });
  }

  private async detachChild(em: EntityManager, childInvoiceId: number, parentAccountId: number): Promise<void> {
    await this.postings.removeApplications(
      em,
      'a.invoice_id = ? AND t.account_id = ?',
      [childInvoiceId, parentAccountId],
      'invoice unlinked',
    );
    await em.query('UPDATE invoices SET parent_invoice_id = NULL WHERE id = ?', [childInvoiceId]);
  }

  private async withInvoice<T>(id: number, work: (em: EntityManager, before: InvoiceResponseDto) => Promise<T>): Promise<T> {
    return transactionWithRetry(this.db, async (em) => {
      const [head]: { account_id: number }[] = await em.query('SELECT account_id FROM invoices WHERE id = ?', [id]);
      if (!head) throw new NotFoundException('Invoice', id);
      await this.locks.lock(em, Number(head.account_id));
      return work(em, await this.get(id, em));
    });
  }
}
