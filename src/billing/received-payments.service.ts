import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListResult, type SortOrder } from '../common/list-query';
import { RECEIVED_PAYMENT_AMOUNT, RECEIVED_PAYMENT_CONDITION } from './book-figures.service';
import { ReceivedPaymentDto, ReceivedPaymentFilterDto, ReceivedPaymentSortField } from './dto/received-payment.dto';
import type { PaymentMethod } from './ledger-postings';

// The void row `v` that undid a payment, if one did: the payment keeps its own day, the void has another.
const PAYMENT_FROM = `transactions t JOIN accounts a ON a.id = t.account_id
  LEFT JOIN transactions v ON v.id = t.corrected_by_transaction_id`;

const PAYMENT_COLUMNS = `t.id, t.account_id, a.name AS account_name, DATE_FORMAT(t.transaction_date, '%Y-%m-%d') AS transaction_date,
  ${RECEIVED_PAYMENT_AMOUNT} AS received, t.payment_method, t.reference, t.description, t.corrected_by_transaction_id,
  DATE_FORMAT(v.transaction_date, '%Y-%m-%d') AS reversed_on`;

const SORT: Record<ReceivedPaymentSortField, string> = {
  id: 't.id',
  date: 't.transaction_date',
  amount: `(${RECEIVED_PAYMENT_AMOUNT})`,
};

function toReceivedPayment(r: Record<string, unknown>): ReceivedPaymentDto {
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    accountName: r.account_name as string,
    date: r.transaction_date as string,
    amount: Number(r.received),
    method: (r.payment_method as PaymentMethod | null) ?? null,
    reference: (r.reference as string | null) ?? null,
    description: r.description as string,
    reversed: r.corrected_by_transaction_id !== null,
    reversedByTransactionId: r.corrected_by_transaction_id === null ? null : Number(r.corrected_by_transaction_id),
    reversedOn: (r.reversed_on as string | null) ?? null,
  };
}

/**
 * Payments received across every account: the rows the dashboard's paid-by-month
 * figure sums, selected by the same condition and amount, so the list and the
 * figure cannot disagree.
 */
@Injectable()
export class ReceivedPaymentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    filter: ReceivedPaymentFilterDto,
    sort: { field: ReceivedPaymentSortField; order: SortOrder },
    offset: number,
    limit: number,
  ): Promise<ListResult<ReceivedPaymentDto>> {
    const where = [RECEIVED_PAYMENT_CONDITION];
    const params: unknown[] = [];
    if (filter.receivedIn) {
      // The month's days, as BookFiguresService.byMonth groups them.
      where.push('t.transaction_date BETWEEN ? AND LAST_DAY(?)');
      params.push(`${filter.receivedIn}-01`, `${filter.receivedIn}-01`);
    }
    if (filter.accountId) {
      where.push('t.account_id = ?');
      params.push(filter.accountId);
    }
    if (filter.method) {
      where.push('t.payment_method = ?');
      params.push(filter.method);
    }
    const clause = `WHERE ${where.join(' AND ')}`;
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM transactions t ${clause}`, params);
    const order = sort.order === 'ASC' ? 'ASC' : 'DESC';
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} ${clause} ORDER BY ${SORT[sort.field] ?? 't.id'} ${order}, t.id ${order} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return new ListResult('payments', rows.map(toReceivedPayment), Number(n), offset);
  }
}
