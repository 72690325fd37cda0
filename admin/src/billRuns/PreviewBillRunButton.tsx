import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link, useNotify } from 'react-admin';
import { Money } from '../billing/common/Money';
import { useInstanceCurrency } from '../billing/common/useInstanceCurrency';
import type { InvoicePreview } from './types';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';

const sum = (rows: InvoicePreview[], key: 'total' | 'taxTotal') => rows.reduce((acc, row) => acc + row[key], 0);

/** A dry run of a date: what each account would be invoiced, with nothing written. */
export const PreviewBillRunButton = () => {
  const dataProvider = useBackhaulDataProvider();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const [accounts, setAccounts] = useState('');
  const [rows, setRows] = useState<InvoicePreview[] | null>(null);
  const notify = useNotify();
  const currency = useInstanceCurrency();
  // The totals count only what a run would newly write: not parked accounts, nor ones invoiced already, nor empty ones.
  const invoiced = (rows ?? []).filter((row) => !row.parked && !row.alreadyInvoiced && row.lines.length > 0);
  const preview = async () => {
    const accountIds = accounts
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    try {
      setRows(await dataProvider.previewBillRun({ date, ...(accountIds.length && { accountIds }) }));
    } catch (err) {
      notify(toApiProblem(err).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        Preview
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth aria-labelledby="preview-bill-run-title">
        <DialogTitle id="preview-bill-run-title">Preview a bill run</DialogTitle>
        <DialogContent>
          <TextField
            type="date"
            label="Billing date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ mt: 1, mr: 2 }}
          />
          <TextField
            label="Account ids (optional)"
            helperText="Blank: the first 200 accounts due that day"
            value={accounts}
            onChange={(e) => setAccounts(e.target.value)}
            sx={{ mt: 1, minWidth: 320 }}
          />
          {rows ? (
            <Table size="small" sx={{ mt: 2 }} aria-label="Preview">
              <TableHead>
                <TableRow>
                  <TableCell>Account</TableCell>
                  <TableCell>Lines</TableCell>
                  <TableCell align="right">Tax</TableCell>
                  <TableCell align="right">Would invoice</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.accountId}>
                    <TableCell>
                      <Link to={`/accounts/${row.accountId}/show`}>{row.accountName}</Link>
                      {row.alreadyInvoiced ? ' (already invoiced)' : ''}
                      {row.parked ? (
                        <Typography variant="caption" color="warning.main" display="block" title={row.parked.reason}>
                          would be parked: {row.parked.reason}
                        </Typography>
                      ) : null}
                    </TableCell>
                    <TableCell>{row.lines.map((line) => line.description).join('; ') || 'nothing to invoice'}</TableCell>
                    <TableCell align="right">
                      <Money amount={row.taxTotal} currency={currency} />
                    </TableCell>
                    <TableCell align="right">
                      <Money amount={row.total} currency={currency} />
                    </TableCell>
                  </TableRow>
                ))}
                <TableRow sx={{ '& td': { fontWeight: 'bold' } }} aria-label="Totals">
                  <TableCell colSpan={2}>
                    {invoiced.length === 1 ? '1 account' : `${invoiced.length} accounts`} would be invoiced
                    {rows.length > invoiced.length
                      ? ` (${rows.length - invoiced.length} parked, already invoiced or with nothing due)`
                      : ''}
                  </TableCell>
                  <TableCell align="right">
                    <Money amount={sum(invoiced, 'taxTotal')} currency={currency} />
                  </TableCell>
                  <TableCell align="right">
                    <Money amount={sum(invoiced, 'total')} currency={currency} fontWeight="bold" />
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
          <Button variant="contained" disabled={!date} onClick={preview}>
            Preview
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
