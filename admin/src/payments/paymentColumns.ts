import type { Exporter } from 'react-admin';
import { downloadRows } from '../correspondence/csv';
import { currencyFractionDigits, minorUnitsToInput } from '../money';
import type { ReceivedPayment } from '../types';

/**
 * The rows the list fetched for its filters, as payments.csv: the amount as a decimal a
 * spreadsheet sums, beside the exact minor units the API gave.
 */
export const paymentsExporter =
  (currency: string): Exporter<ReceivedPayment> =>
  (payments) =>
    downloadRows(
      'payments',
      ['id', 'account_id', 'account', 'date', 'amount', 'amount_minor_units', 'method', 'reference', 'description', 'reversed_on'],
      payments.map((p) => [
        p.id,
        p.accountId,
        p.accountName,
        p.date,
        minorUnitsToInput(p.amount, currencyFractionDigits(currency)),
        p.amount,
        p.method,
        p.reference,
        p.description,
        p.reversedOn,
      ]),
    );
