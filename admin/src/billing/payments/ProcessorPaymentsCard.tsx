import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { formatDate } from '../../accounts/formatting';
import { Permissions, useHasPermission } from '../../permissions';
import { Money } from '../common/Money';
import { paymentMethodName } from './paymentMethodLabels';
import { PROCESSOR_PAYMENT_STATUS } from './processorPaymentStatus';
import { ReversePaymentDialog } from './ReversePaymentDialog';
import { StatusWithReason } from './StatusWithReason';
import type { ProcessorPayment } from './types';
import { useProcessorPayments } from './usePaymentMethods';
import { receiptPdfUrl } from '../../dataProvider';

/** Card and bank payments of the account, newest first: bank debits show as pending until the bank settles them. */
export const ProcessorPaymentsCard = ({ accountId }: { accountId: number }) => {
  const { data = [], isPending } = useProcessorPayments(accountId);
  const canReverse = useHasPermission(Permissions.BillingVoid);
  const [reversing, setReversing] = useState<ProcessorPayment | null>(null);
  return (
    <Card component="section" aria-label="Card and bank payments">
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          Card and bank payments
        </Typography>
        {!isPending && data.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No card or bank payment yet.
          </Typography>
        ) : (
          <Table size="small" aria-label="Card and bank payments">
            <TableHead>
              <TableRow>
                <TableCell>Date</TableCell>
                <TableCell>Method</TableCell>
                <TableCell align="right">Amount</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Receipt</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((payment) => (
                <TableRow key={payment.id} aria-label={`Payment ${payment.id}`}>
                  <TableCell>{formatDate(payment.date)}</TableCell>
                  <TableCell>{paymentMethodName({ ...payment.paymentMethod, accountType: null })}</TableCell>
                  <TableCell align="right">
                    <Money amount={payment.amount} currency={payment.currency} />
                  </TableCell>
                  <TableCell>
                    <StatusWithReason status={PROCESSOR_PAYMENT_STATUS[payment.status]} reason={payment.failureReason} />
                  </TableCell>
                  <TableCell>
                    {payment.transactionId ? (
                      <Link href={receiptPdfUrl(payment.transactionId)} download>
                        Download
                      </Link>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell align="right">
                    {canReverse && payment.status === 'succeeded' ? (
                      <Button size="small" color="error" onClick={() => setReversing(payment)}>
                        Reverse
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {reversing ? <ReversePaymentDialog payment={reversing} onClose={() => setReversing(null)} /> : null}
      </CardContent>
    </Card>
  );
};
