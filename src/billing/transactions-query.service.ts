import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadInputException, NotFoundException } from '../common/errors';
import { groupInto } from '../common/group-into';
import { ListResult } from '../common/list-query';
import { SIGNED_TOTAL } from './billing-figures.service';
import { TransactionFilterDto, TransactionResponseDto } from './dto/transaction.dto';
import { TRANSACTION_COLUMNS, toTransactionRow, TransactionRow } from './ledger-postings';

export interface CreditApplication {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  amount: number;
  appliedAt: Date;
  removedAt: Date | null;
  removedReason: string | null;
}

/** What of the row aliased `t` is still to apply to an invoice: the open part of a credit, 0 for anything else. */
const UNAPPLIED = `CASE WHEN t.side = 'credit' AND t.corrected_by_transaction_id IS NULL AND t.offsets_uninvoiced = 0
  THEN t.amount + t.tax_amount - COALESCE((SELECT SUM(a.amount) FROM credit_applications a
         WHERE a.credit_transaction_id = t.id AND a.removed_at IS NULL), 0) ELSE 0 END`;

/** Reading the ledger: an account's transactions with their taxes and the running balance. */
@Injectable()
export class TransactionsQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    filter: TransactionFilterDto,
    sort: { field: string; order: 'ASC' | 'DESC' },
    offset: number,
    limit: number,
  ): Promise<ListResult<TransactionResponseDto>> {
    let accountId = filter.accountId;
    if (!accountId && filter.invoiceId) {
      const [inv]: { account_id: number }[] = await this.db.query('SELECT account_id FROM invoices WHERE id = ?', [filter.invoiceId]);
      if (!inv) throw new NotFoundException('Invoice', filter.invoiceId);
      accountId = Number(inv.account_id);
    }
    if (!accountId && filter.id?.length) {
      const [row]: { account_id: number }[] = await this.db.query('SELECT account_id FROM transactions WHERE id = ?', [filter.id[0]]);
      accountId = row ? Number(row.account_id) : undefined;
      if (!accountId) return new ListResult('transactions', [], 0, offset);
    }
    if (!accountId) {
      throw new BadInputException([
        { field: 'filter.accountId', rule: 'required', message: 'filter.accountId (or invoiceId) is required' },
      ]);
    }
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.kind) {
      where.push('x.kind = ?');
      params.push(filter.kind);
    }
    if (filter.invoiceId) {
      where.push('x.invoice_id = ?');
      params.push(filter.invoiceId);
    }
    if (filter.id?.length) {
      where.push('x.id IN (?)');
      params.push(filter.id);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const inner = `SELECT ${TRANSACTION_COLUMNS}, SUM(${SIGNED_TOTAL}) OVER (ORDER BY t.transaction_date, t.id) AS balance,
        ${UNAPPLIED} AS unapplied,
        (SELECT s.name FROM staff_users s WHERE s.id = t.created_by) AS created_by_name,
        (SELECT i.number FROM invoices i WHERE i.id = t.invoice_id) AS invoice_number
      FROM transactions t WHERE t.account_id = ?`;
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM (${inner}) x ${clause}`, [accountId, ...params]);
    const order = sort.order === 'ASC' ? 'ASC' : 'DESC';
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT * FROM (${inner}) x ${clause} ORDER BY x.transaction_date ${order}, x.id ${order} LIMIT ? OFFSET ?`,
      [accountId, ...params, limit, offset],
    );
    return new ListResult('transactions', await this.withTaxes(rows), Number(n), offset);
  }

  async get(id: number): Promise<TransactionResponseDto> {
    const [head]: { account_id: number }[] = await this.db.query('SELECT account_id FROM transactions WHERE id = ?', [id]);
    if (!head) throw new NotFoundException('Transaction', id);
    const page = await this.list({ accountId: Number(head.account_id), id: [id] }, { field: 'date', order: 'DESC' }, 0, 1);
    return page.items[0];
  }

  /** Where a credit went: the invoices it pays now, and what came off (voids, unlinks). */
  async applicationsOf(creditId: number) {
    return (await this.applicationsOfMany([creditId])).get(creditId) ?? [];
  }

  /** applicationsOf each of the credits, in one query. */
  async applicationsOfMany(creditIds: number[]): Promise<Map<number, CreditApplication[]>> {
    const applications = new Map<number, CreditApplication[]>();
    if (!creditIds.length) return applications;
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT a.id, a.credit_transaction_id, a.invoice_id, i.number, a.amount, a.applied_at, a.removed_at, a.removed_reason
         FROM credit_applications a JOIN invoices i ON i.id = a.invoice_id WHERE a.credit_transaction_id IN (?) ORDER BY a.id`,
      [creditIds],
    );
    for (const r of rows) {
      groupInto(applications, Number(r.credit_transaction_id), {
        id: Number(r.id),
        invoiceId: Number(r.invoice_id),
        invoiceNumber: r.number as string,
        amount: Number(r.amount),
        appliedAt: r.applied_at as Date,
        removedAt: (r.removed_at as Date | null) ?? null,
        removedReason: (r.removed_reason as string | null) ?? null,
      });
    }
    return applications;
  }

  /** Rows by id with what each still has to apply, in one query; unknown ids are left out. */
  async rowsWithUnapplied(ids: number[]): Promise<Map<number, TransactionRow & { unapplied: number }>> {
    if (!ids.length) return new Map();
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${TRANSACTION_COLUMNS}, ${UNAPPLIED} AS unapplied FROM transactions t WHERE t.id IN (?)`,
      [ids],
    );
    return new Map(rows.map((r) => [Number(r.id), { ...toTransactionRow(r), unapplied: Number(r.unapplied) }]));
  }

  /** The tax rows of each transaction, in one query. */
  async taxesOf(ids: number[]): Promise<Map<number, TransactionResponseDto['taxes']>> {
    const taxes = new Map<number, TransactionResponseDto['taxes']>();
    if (!ids.length) return taxes;
    const rows: { transaction_id: number; tax_id: number; tax_name: string; rate_e4: number; amount: number }[] = await this.db.query(
      'SELECT transaction_id, tax_id, tax_name, rate_e4, amount FROM transaction_taxes WHERE transaction_id IN (?) ORDER BY id',
      [ids],
    );
    for (const t of rows) {
      groupInto(taxes, Number(t.transaction_id), {
        taxId: Number(t.tax_id),
        taxName: t.tax_name,
        rateE4: Number(t.rate_e4),
        amount: Number(t.amount),
      });
    }
    return taxes;
  }

  private async withTaxes(rows: Record<string, unknown>[]): Promise<TransactionResponseDto[]> {
    const taxes = await this.taxesOf(rows.map((r) => Number(r.id)));
    return rows.map((r) => {
      const row: TransactionRow = toTransactionRow(r);
      return {
        id: row.id,
        accountId: row.accountId,
        kind: row.kind,
        side: row.side,
        amount: row.amount,
        taxAmount: row.taxAmount,
        total: row.total,
        date: row.date,
        description: row.description,
        serviceId: row.serviceId,
        quantity: row.quantity,
        paymentMethod: row.paymentMethod,
        reference: row.reference,
        invoiceId: row.invoiceId,
        correctsTransactionId: row.correctsTransactionId,
        correctedByTransactionId: row.correctedByTransactionId,
        invoiceNumber: (r.invoice_number as string | null) ?? null,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        createdAt: row.createdAt,
        createdByName: (r.created_by_name as string | null) ?? null,
        unapplied: Number(r.unapplied),
        balance: Number(r.balance),
        taxes: taxes.get(row.id) ?? [],
      };
    });
  }
}
