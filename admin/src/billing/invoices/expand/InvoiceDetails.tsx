import { Link } from 'react-admin';
import { formatDate, formatDateTime } from '../../../accounts/formatting';
import type { Invoice } from '../../../types';
import { DetailList } from '../../common/DetailList';
import { Money } from '../../common/Money';
import { InvoiceFlags } from '../InvoiceFlags';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** Every field of the invoice. */
export const InvoiceDetails = ({ invoice, currency }: { invoice: Invoice; currency: string | undefined }) => {
  const money = (amount: number) => <Money amount={amount} currency={currency} />;
  return (
    <DetailList
      label={`Details of invoice ${invoice.number}`}
      rows={[
        ['Invoice number', invoice.number],
        ['Account', <Link to={`/accounts/${invoice.accountId}/show`}>{`${invoice.accountName} (#${invoice.accountId})`}</Link>],
        ['Invoice date', formatDate(invoice.invoiceDate)],
        ['Due date', formatDate(invoice.dueDate)],
        [
          'Period covered',
          invoice.periodStart ? `${formatDate(invoice.periodStart)} to ${formatDate(invoice.periodEnd)}` : 'No service period',
        ],
        ['Months', String(invoice.months)],
        ['Total (with taxes)', money(invoice.total)],
        ['Of which taxes', money(invoice.taxTotal)],
        ['Paid', money(invoice.paid)],
        ['Remaining', money(invoice.remaining)],
        ['Remaining on child invoices', money(invoice.childRemaining)],
        ['Frozen', yesNo(invoice.frozen)],
        ['Delinquent', yesNo(invoice.delinquent)],
        ['Void', yesNo(invoice.void)],
        ['Created by hand', yesNo(invoice.manual)],
        [
          'Parent invoice',
          invoice.parentInvoiceId && invoice.parentAccountId ? (
            <Link to={`/accounts/${invoice.parentAccountId}/show/billing/invoices`}>
              {invoice.parentInvoiceNumber ?? `#${invoice.parentInvoiceId}`}
            </Link>
          ) : (
            'None'
          ),
        ],
        ['Message', invoice.message || '—'],
        ['Flags', <InvoiceFlags invoice={invoice} />],
        ['Created', formatDateTime(invoice.createdAt)],
      ]}
    />
  );
};
