import { dayInWords } from '../../workflows/shared';
import { formatMoney } from '../common/money';

/** What a finished bill run did, in words for people reading the Temporal UI; the cents stay beside them. */
export interface BillRunInWords {
  invoicedTotalText: string;
  summary: string;
}

export interface BillRunCounts {
  date: string;
  accounts: number;
  invoices: number;
  /** Minor units. */
  invoicedTotal: number;
  parked: number;
  failures: number;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function billRunInWords(run: BillRunCounts, currency: string): BillRunInWords {
  const invoicedTotalText = formatMoney(run.invoicedTotal, currency);
  const summary =
    `Bill run for ${dayInWords(run.date)}: ${count(run.accounts, 'account', 'accounts')} billed, ` +
    `${count(run.invoices, 'invoice', 'invoices')} totalling ${invoicedTotalText}, ` +
    `${run.parked} parked, ${count(run.failures, 'failure', 'failures')}.`;
  return { invoicedTotalText, summary };
}
