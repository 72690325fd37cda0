import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatRateE4 } from '../../taxes/rateE4';
import type { Transaction } from '../../types';
import { Money } from '../common/Money';

/** The tax rows written with a debit. */
export const TransactionTaxes = ({ transaction, currency }: { transaction: Transaction; currency: string | undefined }) =>
  (transaction.taxes ?? []).length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      No tax was charged on this transaction.
    </Typography>
  ) : (
    <Table size="small" aria-label={`Taxes of transaction ${transaction.id}`}>
      <TableHead>
        <TableRow>
          <TableCell>Tax</TableCell>
          <TableCell align="right">Rate</TableCell>
          <TableCell align="right">Amount</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {transaction.taxes.map((tax) => (
          <TableRow key={tax.taxId}>
            <TableCell>{tax.taxName}</TableCell>
            <TableCell align="right">{formatRateE4(tax.rateE4)}</TableCell>
            <TableCell align="right">
              <Money amount={tax.amount} currency={currency} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
