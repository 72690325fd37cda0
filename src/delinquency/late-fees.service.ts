import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadInputException } from '../common/errors';
import { ListResult, type SortOrder } from '../common/list-query';
import { LateFeeDto, LateFeeFilterDto, LateFeeSortField } from './dto/late-fee.dto';
import { chargedBetween, LATE_FEE_AMOUNT, LATE_FEE_CHARGES } from './late-fee-charges';

// Every late fee has its account and its invoice (foreign keys), so these joins neither add nor drop a fee.
// `r` is the discount that reversed the fee, if one did.
const LATE_FEE_FROM = `${LATE_FEE_CHARGES} JOIN accounts a ON a.id = t.account_id JOIN invoices i ON i.id = f.invoice_id
  LEFT JOIN transactions r ON r.id = t.corrected_by_transaction_id`;

const LATE_FEE_COLUMNS = `t.id, t.account_id, a.name AS account_name, DATE_FORMAT(t.transaction_date, '%Y-%m-%d') AS transaction_date,
  ${LATE_FEE_AMOUNT} AS charged, f.invoice_id, i.number AS invoice_number, t.corrected_by_transaction_id,
  DATE_FORMAT(r.transaction_date, '%Y-%m-%d') AS reversed_on`;

const SORT: Record<LateFeeSortField, string> = { id: 't.id', date: 't.transaction_date', amount: `(${LATE_FEE_AMOUNT})` };

function toLateFee(r: Record<string, unknown>): LateFeeDto {
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    accountName: r.account_name as string,
    date: r.transaction_date as string,
    amount: Number(r.charged),
    invoiceId: Number(r.invoice_id),
    invoiceNumber: r.invoice_number as string,
    reversed: r.corrected_by_transaction_id !== null,
    reversedByTransactionId: r.corrected_by_transaction_id === null ? null : Number(r.corrected_by_transaction_id),
    reversedOn: (r.reversed_on as string | null) ?? null,
  };
}

/** Reading the late fees delinquency charged: the dashboard's figure for a span of days, and the list behind it. */
@Injectable()
export class LateFeesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Late fees charged on dates from `from` through `to`: how many, and their total with tax in minor units. */
  async posted(from: string, to: string): Promise<{ count: number; total: number }> {
    const { conditions, params } = chargedBetween({ from, to });
    const [row]: { n: string; total: string | null }[] = await this.db.query(
      `SELECT COUNT(*) AS n, SUM(${LATE_FEE_AMOUNT}) AS total FROM ${LATE_FEE_CHARGES} WHERE ${conditions.join(' AND ')}`,
      params,
    );
    return { count: Number(row.n), total: Number(row.total ?? 0) };
  }

  async list(
    filter: LateFeeFilterDto,
    sort: { field: LateFeeSortField; order: SortOrder },
    offset: number,
    limit: number,
  ): Promise<ListResult<LateFeeDto>> {
    if (filter.chargedFrom && filter.chargedTo && filter.chargedFrom > filter.chargedTo) {
      throw new BadInputException([
        { field: 'filter.chargedTo', rule: 'notBeforeFrom', message: 'filter.chargedTo cannot be before filter.chargedFrom' },
      ]);
    }
    const { conditions, params } = chargedBetween({ from: filter.chargedFrom, to: filter.chargedTo });
    const where: string[] = [...conditions];
    const values: unknown[] = [...params];
    if (filter.accountId) {
      where.push('t.account_id = ?');
      values.push(filter.accountId);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM ${LATE_FEE_CHARGES} ${clause}`, values);
    const order = sort.order === 'ASC' ? 'ASC' : 'DESC';
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${LATE_FEE_COLUMNS} FROM ${LATE_FEE_FROM} ${clause} ORDER BY ${SORT[sort.field] ?? 't.id'} ${order}, t.id ${order} LIMIT ? OFFSET ?`,
      [...values, limit, offset],
    );
    return new ListResult('late-fees', rows.map(toLateFee), Number(n), offset);
  }
}
