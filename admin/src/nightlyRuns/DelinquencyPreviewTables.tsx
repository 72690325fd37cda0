import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Money } from '../billing/common/Money';
import { useInstanceCurrency } from '../billing/common/useInstanceCurrency';
import type { DelinquencyPreview } from './types';

const skipReasons: Record<DelinquencyPreview['skipped'][number]['reason'], string> = {
  weekday: 'not a delinquency weekday',
  exclusion_date: 'a delinquency exclusion date',
  accounting_period_closed: 'inside the closed accounting period',
};

/** The invoices that would turn delinquent with their late fees, then the status changes and the accounts left alone. */
export const DelinquencyPreviewTables = ({ preview }: { preview: DelinquencyPreview }) => {
  const currency = useInstanceCurrency();
  const account = (id: number) => `${preview.accountNames[id] ?? 'Account'} #${id}`;
  const status = (id: number) => preview.statusNames[id] ?? `status ${id}`;
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        Invoices turning delinquent on {preview.date}
      </Typography>
      {preview.invoices.length ? (
        <Table size="small" aria-label="Invoices turning delinquent">
          <TableHead>
            <TableRow>
              <TableCell>Account</TableCell>
              <TableCell>Invoice</TableCell>
              <TableCell>Due</TableCell>
              <TableCell align="right">Still owed</TableCell>
              <TableCell align="right">Late fee</TableCell>
              <TableCell align="right">Tax on fee</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.invoices.map((row) => (
              <TableRow key={row.invoiceId}>
                <TableCell>{account(row.accountId)}</TableCell>
                <TableCell>{row.invoiceNumber}</TableCell>
                <TableCell>{row.dueDate}</TableCell>
                <TableCell align="right">
                  <Money amount={row.remaining} currency={currency} />
                </TableCell>
                <TableCell align="right">{row.lateFee ? <Money amount={row.lateFee.amount} currency={currency} /> : 'none'}</TableCell>
                <TableCell align="right">{row.lateFee ? <Money amount={row.lateFee.tax} currency={currency} /> : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2">No invoice turns delinquent that day.</Typography>
      )}
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        Status changes
      </Typography>
      {preview.statusChanges.length ? (
        <Table size="small" aria-label="Status changes">
          <TableHead>
            <TableRow>
              <TableCell>Account</TableCell>
              <TableCell>From</TableCell>
              <TableCell>To</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.statusChanges.map((row) => (
              <TableRow key={row.accountId}>
                <TableCell>{account(row.accountId)}</TableCell>
                <TableCell>{status(row.fromStatusId)}</TableCell>
                <TableCell>{status(row.toStatusId)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2">No account changes status that day.</Typography>
      )}
      {preview.skipped.length ? (
        <Typography variant="body2" sx={{ mt: 2 }}>
          Left alone that day: {preview.skipped.map((s) => `${account(s.accountId)} (${skipReasons[s.reason]})`).join('; ')}
        </Typography>
      ) : null}
      {preview.more ? (
        <Typography variant="body2" color="warning.main" sx={{ mt: 2 }}>
          More accounts have overdue invoices than the preview looked at; the run itself covers them all.
        </Typography>
      ) : null}
    </>
  );
};
