import type { Exporter } from 'react-admin';
import { downloadRows } from '../correspondence/csv';
import { currencyFractionDigits, minorUnitsToInput } from '../money';
import type { LateFee } from '../types';

/** The rows the list fetched for its filters, as late-fees.csv, with the amount both as a decimal and in minor units. */
export const lateFeesExporter =
  (currency: string): Exporter<LateFee> =>
  (fees) =>
    downloadRows(
      'late-fees',
      ['id', 'account_id', 'account', 'date', 'amount', 'amount_minor_units', 'invoice_id', 'invoice_number', 'reversed_on'],
      fees.map((fee) => [
        fee.id,
        fee.accountId,
        fee.accountName,
        fee.date,
        minorUnitsToInput(fee.amount, currencyFractionDigits(currency)),
        fee.amount,
        fee.invoiceId,
        fee.invoiceNumber,
        fee.reversedOn,
      ]),
    );
