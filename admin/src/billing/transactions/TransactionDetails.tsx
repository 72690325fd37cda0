import type { ReactNode } from 'react';
import Link from '@mui/material/Link';
import { formatDate, formatDateTime } from '../../accounts/formatting';
import { invoicePdfUrl, receiptPdfUrl } from '../../dataProvider';
import type { Transaction } from '../../types';
import { DetailList } from '../common/DetailList';
import { Money } from '../common/Money';
import { KIND_LABELS, paymentMethodLabel } from './transactionRules';

/** Every field of one transaction. */
export const TransactionDetails = ({ transaction, currency }: { transaction: Transaction; currency: string | undefined }) => {
  const money = (amount: number) => <Money amount={amount} currency={currency} />;
  const rows: [string, ReactNode][] = [
    ['Transaction', `#${transaction.id}`],
    ['Type', `${KIND_LABELS[transaction.kind]} (${transaction.side === 'debit' ? 'raises the balance' : 'lowers the balance'})`],
    ['Date', formatDate(transaction.date)],
    ['Description', transaction.description],
    ['Amount before taxes', money(transaction.amount)],
    ['Taxes', money(transaction.taxAmount)],
    ['Total', money(transaction.total)],
    ['Balance after', money(transaction.balance)],
  ];
  if (transaction.quantity !== null) rows.push(['Quantity', String(transaction.quantity)]);
  if (transaction.paymentMethod) rows.push(['Paid by', paymentMethodLabel(transaction.paymentMethod)]);
  if (transaction.reference) rows.push(['Reference', transaction.reference]);
  if (transaction.side === 'credit') rows.push(['Not yet applied', money(transaction.unapplied)]);
  if (transaction.periodStart && transaction.periodEnd)
    rows.push(['Service period', `${formatDate(transaction.periodStart)} to ${formatDate(transaction.periodEnd)}`]);
  rows.push([
    'On invoice',
    transaction.invoiceId ? (
      <Link href={invoicePdfUrl(transaction.invoiceId)} target="_blank" rel="noopener">
        {transaction.invoiceNumber ?? `#${transaction.invoiceId}`}
      </Link>
    ) : (
      'Not invoiced'
    ),
  ]);
  if (transaction.kind === 'payment')
    rows.push([
      'Receipt',
      <Link href={receiptPdfUrl(transaction.id)} target="_blank" rel="noopener">
        Receipt PDF
      </Link>,
    ]);
  if (transaction.correctsTransactionId) rows.push(['Corrects', `#${transaction.correctsTransactionId}`]);
  if (transaction.correctedByTransactionId) rows.push(['Corrected by', `#${transaction.correctedByTransactionId}`]);
  rows.push(['Posted', formatDateTime(transaction.createdAt)]);
  rows.push(['Posted by', transaction.createdByName ?? 'Backhaul (automatic)']);
  return <DetailList rows={rows} label={`Details of transaction ${transaction.id}`} />;
};
