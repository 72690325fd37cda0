import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link, ShowBase, useRecordContext } from 'react-admin';
import { Money } from '../billing/common/Money';
import { useInstanceCurrency } from '../billing/common/useInstanceCurrency';
import type { AutopayAttempt, AutopayRunDetail } from './types';

const STATE: Record<AutopayAttempt['status'], { label: string; color: 'default' | 'success' | 'warning' | 'error' }> = {
  charging: { label: 'Charging', color: 'warning' },
  succeeded: { label: 'Charged', color: 'success' },
  processing: { label: 'Bank pending', color: 'warning' },
  failed: { label: 'Failed', color: 'error' },
};

const Attempts = () => {
  const run = useRecordContext<AutopayRunDetail>();
  const currency = useInstanceCurrency();
  if (!run) return null;
  // The list's row stands in while the run itself loads: it has no attempts yet.
  const attempts = run.attemptList ?? [];
  return (
    <Card sx={{ mt: 2 }}>
      <CardHeader
        title={`Autopay run for ${run.runDate}`}
        subheader={`${run.succeeded} charged, ${run.processing} pending at the bank, ${run.failed} failed`}
      />
      <CardContent>
        {attempts.length === 0 ? (
          <Typography variant="body2">No account was due for autopay.</Typography>
        ) : (
          <Table size="small" aria-label="Autopay attempts">
            <TableHead>
              <TableRow>
                <TableCell>Account</TableCell>
                <TableCell align="right">Amount</TableCell>
                <TableCell>Attempt</TableCell>
                <TableCell>State</TableCell>
                <TableCell>Processor's reason</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {attempts.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <Link to={`/accounts/${a.accountId}/show/billing/payment-details`}>Account {a.accountId}</Link>
                  </TableCell>
                  <TableCell align="right">
                    <Money amount={a.amount} currency={currency} />
                  </TableCell>
                  <TableCell>{a.attempt}</TableCell>
                  <TableCell>
                    <Chip size="small" label={STATE[a.status].label} color={STATE[a.status].color} />
                  </TableCell>
                  <TableCell>{a.reason ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};

/** One autopay run and what happened to each account it charged. */
export const AutopayRunShow = () => (
  <ShowBase
    queryOptions={{ refetchInterval: (query) => ((query.state.data as AutopayRunDetail | undefined)?.status === 'running' ? 3000 : false) }}
  >
    <Attempts />
  </ShowBase>
);
