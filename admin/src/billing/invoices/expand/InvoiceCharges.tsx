import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { formatDate } from '../../../accounts/formatting';
import type { Invoice, Transaction } from '../../../types';
import { formatRateE4 } from '../../../taxes/rateE4';
import { billingQueryKeys } from '../../common/billingQueryKeys';
import { Money } from '../../common/Money';
import { TransactionDialogs, type TransactionDialogState } from '../../transactions/dialogs/TransactionDialogs';
import { TransactionRowActions } from '../../transactions/TransactionRowActions';
import { KIND_LABELS } from '../../transactions/transactionRules';
import { useBackhaulDataProvider } from '../../../dataProvider';

/** The charges on the invoice, each with its taxes beneath, then the credits that paid it. */
export const InvoiceCharges = ({ invoice, currency }: { invoice: Invoice; currency: string | undefined }) => {
  const dataProvider = useBackhaulDataProvider();
  const [dialog, setDialog] = useState<TransactionDialogState>(null);
  const { data, isPending } = useQuery({
    queryKey: billingQueryKeys.invoiceTransactions(invoice.id),
    // The ledger list gives the charges with their tax rows; the invoice's own list adds how much of each credit went to it.
    queryFn: async () => {
      const [onInvoice, applied] = await Promise.all([
        dataProvider.listTransactions({ invoiceId: invoice.id }),
        dataProvider.fetchInvoiceTransactions(invoice.id),
      ]);
      return { charges: onInvoice.filter((transaction) => transaction.side === 'debit'), credits: applied.credits };
    },
  });
  const onAction = (action: 'reverse' | 'void' | 'describe', transaction: Transaction) => setDialog({ action, transaction });
  if (isPending || !data) return null;

  return (
    <>
      <Table size="small" aria-label={`Transactions on invoice ${invoice.number}`}>
        <TableHead>
          <TableRow>
            <TableCell>Date</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Details</TableCell>
            <TableCell align="right">Amount</TableCell>
            <TableCell align="right">Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.charges.length === 0 && data.credits.length === 0 ? (
            <TableRow>
              <TableCell colSpan={5}>Nothing is on this invoice.</TableCell>
            </TableRow>
          ) : null}
          {data.charges.map((charge) => (
            <Fragment key={charge.id}>
              <TableRow>
                <TableCell>{formatDate(charge.date)}</TableCell>
                <TableCell>{KIND_LABELS[charge.kind]}</TableCell>
                <TableCell>{charge.description}</TableCell>
                <TableCell align="right">
                  <Money amount={charge.amount} currency={currency} />
                </TableCell>
                <TableCell align="right">
                  <TransactionRowActions transaction={charge} onAction={onAction} />
                </TableCell>
              </TableRow>
              {(charge.taxes ?? []).map((tax) => (
                <TableRow key={`${charge.id}-${tax.taxId}`}>
                  <TableCell />
                  <TableCell />
                  <TableCell sx={{ pl: 4, color: 'text.secondary' }}>
                    {tax.taxName} ({formatRateE4(tax.rateE4)})
                  </TableCell>
                  <TableCell align="right">
                    <Money amount={tax.amount} currency={currency} color="text.secondary" />
                  </TableCell>
                  <TableCell />
                </TableRow>
              ))}
            </Fragment>
          ))}
          {data.credits.map((credit) => (
            <TableRow key={`credit-${credit.id}`}>
              <TableCell>{formatDate(credit.date)}</TableCell>
              <TableCell>{KIND_LABELS[credit.kind]}</TableCell>
              <TableCell>
                {credit.description}
                <Typography variant="caption" color="text.secondary" component="div">
                  Applied to this invoice: <Money amount={credit.appliedAmount} currency={currency} variant="caption" />
                </Typography>
              </TableCell>
              <TableCell align="right">
                <Money amount={-credit.total} currency={currency} />
              </TableCell>
              <TableCell align="right">
                <TransactionRowActions transaction={credit} onAction={onAction} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TransactionDialogs state={dialog} currency={currency} onClose={() => setDialog(null)} />
    </>
  );
};
