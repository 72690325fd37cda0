import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../accounts/formatting';
import type { Transaction } from '../../types';
import { billingQueryKeys } from '../common/billingQueryKeys';
import { DetailList } from '../common/DetailList';
import { Money } from '../common/Money';
import { paymentMethodName } from './paymentMethodLabels';
import { PROCESSOR_PAYMENT_STATUS, REFUND_STATUS } from './processorPaymentStatus';
import { StatusWithReason } from './StatusWithReason';
import type { PaymentHistory } from './types';
import { useBackhaulDataProvider, receiptPdfUrl } from '../../dataProvider';

export const usePaymentHistory = (transactionId: number) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: billingQueryKeys.paymentHistory(transactionId),
    queryFn: () => dataProvider.fetchPaymentHistory(transactionId),
  });
};

const Empty = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="text.secondary">
    {children}
  </Typography>
);

/** What the processor knows of a card or bank payment, under the ledger details. */
export const ProcessorPaymentDetails = ({ history }: { history: PaymentHistory | undefined }) => {
  const payment = history?.processorPayment;
  if (!payment) return null;
  const status = PROCESSOR_PAYMENT_STATUS[payment.status];
  const rows: [string, ReactNode][] = [
    ['Taken with', paymentMethodName({ ...payment.paymentMethod, accountType: null })],
    ['Processor status', <Chip key="status" size="small" label={status.label} color={status.color} />],
  ];
  if (payment.failureReason) rows.push(["Processor's reason", payment.failureReason]);
  if (payment.transactionId) {
    rows.push([
      'Receipt',
      <Link key="receipt" href={receiptPdfUrl(payment.transactionId)} download>
        Download PDF
      </Link>,
    ]);
  }
  return (
    <Stack sx={{ mt: 2 }}>
      <DetailList rows={rows} label={`Processor details of payment ${payment.id}`} />
    </Stack>
  );
};

/** The ledger rows that undid the payment, and any dispute that did it at the bank. */
export const PaymentReversals = ({ history, currency }: { history: PaymentHistory | undefined; currency: string | undefined }) => {
  if (!history) return null;
  if (!history.reversals.length && !history.disputes.length) return <Empty>This payment has not been reversed.</Empty>;
  return (
    <Stack spacing={2}>
      {history.reversals.length ? (
        <Table size="small" aria-label={`Reversals of transaction ${history.transactionId}`}>
          <TableHead>
            <TableRow>
              <TableCell>Transaction</TableCell>
              <TableCell>Date</TableCell>
              <TableCell>Description</TableCell>
              <TableCell align="right">Amount</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.reversals.map((reversal: Transaction) => (
              <TableRow key={reversal.id}>
                <TableCell>#{reversal.id}</TableCell>
                <TableCell>{formatDate(reversal.date)}</TableCell>
                <TableCell>{reversal.description}</TableCell>
                <TableCell align="right">
                  <Money amount={reversal.total} currency={currency} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {history.disputes.length ? (
        <Table size="small" aria-label={`Disputes of transaction ${history.transactionId}`}>
          <TableHead>
            <TableRow>
              <TableCell>Dispute</TableCell>
              <TableCell>Opened</TableCell>
              <TableCell>Reason</TableCell>
              <TableCell>State</TableCell>
              <TableCell align="right">Amount</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.disputes.map((dispute) => (
              <TableRow key={dispute.id}>
                <TableCell>{dispute.stripeDisputeId}</TableCell>
                <TableCell>{formatDateTime(dispute.createdAt)}</TableCell>
                <TableCell>{dispute.reason.replace(/_/g, ' ')}</TableCell>
                <TableCell>
                  {dispute.status.replace(/_/g, ' ')}
                  {dispute.note ? (
                    <Typography variant="caption" component="div" color="warning.main">
                      {dispute.note}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell align="right">
                  <Money amount={dispute.amount} currency={currency} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Stack>
  );
};

/** Money sent back to the customer through the processor for this payment. */
export const PaymentRefunds = ({ history, currency }: { history: PaymentHistory | undefined; currency: string | undefined }) => {
  if (!history) return null;
  if (!history.processorPayment) return <Empty>Cash, check and wire payments are refunded outside the processor.</Empty>;
  if (!history.refunds.length) return <Empty>Nothing has been refunded for this payment.</Empty>;
  return (
    <Table size="small" aria-label={`Refunds of transaction ${history.transactionId}`}>
      <TableHead>
        <TableRow>
          <TableCell>Asked</TableCell>
          <TableCell align="right">Amount</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Processor reference</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {history.refunds.map((refund) => (
          <TableRow key={refund.id}>
            <TableCell>{formatDateTime(refund.createdAt)}</TableCell>
            <TableCell align="right">
              <Money amount={refund.amount} currency={currency} />
            </TableCell>
            <TableCell>
              <StatusWithReason status={REFUND_STATUS[refund.status]} reason={refund.failureReason} />
            </TableCell>
            <TableCell>{refund.reason ?? '—'}</TableCell>
            <TableCell>{refund.stripeRefundId ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
