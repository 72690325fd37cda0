import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link, ShowBase, useRecordContext, useRefresh } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { ActionDialog } from '../billing/common/ActionDialog';
import { Money } from '../billing/common/Money';
import { useInstanceCurrency } from '../billing/common/useInstanceCurrency';
import { Permissions, useHasPermission } from '../permissions';
import { BillRunProgressBar } from './BillRunProgressBar';
import type { BillRunDetail, ParkedAccount } from './types';
import { useBackhaulDataProvider } from '../dataProvider';

const RULES: Record<ParkedAccount['rule'], string> = {
  spike: 'Far above the usual bill',
  unexplained_charges: 'Charges its services do not explain',
  negative_total: 'Negative amount',
};

type Decision = { parked: ParkedAccount; action: 'release' | 'dismiss' } | null;

const DecisionDialog = ({ run, decision, onClose }: { run: BillRunDetail; decision: NonNullable<Decision>; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const refresh = useRefresh();
  const currency = useInstanceCurrency();
  const { parked, action } = decision;
  return (
    <ActionDialog
      title={action === 'release' ? `Invoice ${parked.accountName}?` : `Leave ${parked.accountName} uninvoiced?`}
      confirmLabel={action === 'release' ? 'Release and invoice' : 'Dismiss'}
      confirmColor={action === 'release' ? 'primary' : 'warning'}
      onClose={onClose}
      onConfirm={async () => {
        await dataProvider.settleParkedAccount(run.id, parked.accountId, action);
        refresh();
        return action === 'release' ? `${parked.accountName} invoiced` : `${parked.accountName} left uninvoiced for ${run.runDate}`;
      }}
    >
      <Typography variant="body2">
        {action === 'release' ? (
          <>
            The invoice is written exactly as the run computed it: <Money amount={parked.total} currency={currency} />
            {parked.usualTotal !== null ? (
              <>
                {' '}
                against a usual <Money amount={parked.usualTotal} currency={currency} />
              </>
            ) : null}
            . Its charges go on the ledger and any available credit pays it.
          </>
        ) : (
          <>
            Nothing is invoiced for this account on {run.runDate}. Correct its services first if they are wrong; charges waiting for an
            invoice go on its next one.
          </>
        )}
      </Typography>
    </ActionDialog>
  );
};

const ParkedTable = ({ run }: { run: BillRunDetail }) => {
  const currency = useInstanceCurrency();
  const canManage = useHasPermission(Permissions.BillingManage);
  const [decision, setDecision] = useState<Decision>(null);
  if (!run.parkedList?.length) return <Typography variant="body2">No account was parked.</Typography>;
  return (
    <>
      <Table size="small" aria-label="Parked accounts">
        <TableHead>
          <TableRow>
            <TableCell>Account</TableCell>
            <TableCell>Why</TableCell>
            <TableCell align="right">Would invoice</TableCell>
            <TableCell align="right">Usual</TableCell>
            <TableCell>State</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {(run.parkedList ?? []).map((p) => (
            <TableRow key={p.accountId}>
              <TableCell>
                <Link to={`/accounts/${p.accountId}/show`}>{p.accountName}</Link>
              </TableCell>
              <TableCell title={p.reason}>{RULES[p.rule]}</TableCell>
              <TableCell align="right">
                <Money amount={p.total} currency={currency} />
              </TableCell>
              <TableCell align="right">
                <Money amount={p.usualTotal} currency={currency} />
              </TableCell>
              <TableCell>
                <Chip size="small" label={p.status} color={p.status === 'parked' ? 'warning' : 'default'} />
              </TableCell>
              <TableCell align="right">
                {canManage && p.status === 'parked' ? (
                  <Stack direction="row" spacing={1} justifyContent="flex-end">
                    <Button size="small" onClick={() => setDecision({ parked: p, action: 'release' })}>
                      Release
                    </Button>
                    <Button size="small" color="warning" onClick={() => setDecision({ parked: p, action: 'dismiss' })}>
                      Dismiss
                    </Button>
                  </Stack>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {decision ? <DecisionDialog run={run} decision={decision} onClose={() => setDecision(null)} /> : null}
    </>
  );
};

const BillRunDetails = () => {
  const run = useRecordContext<BillRunDetail>();
  const currency = useInstanceCurrency();
  if (!run) return null;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Card>
        <CardHeader
          title={`Bill run for ${run.runDate}`}
          subheader={run.workflowId}
          action={
            <Button component={RouterLink} to="/bill-runs" size="small">
              All bill runs
            </Button>
          }
        />
        <CardContent>
          <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
            <div>
              <Typography variant="caption">Status</Typography>
              {run.status === 'running' ? <BillRunProgressBar run={run} /> : <Typography>{run.status}</Typography>}
            </div>
            <div>
              <Typography variant="caption">Accounts billed</Typography>
              <Typography>
                {run.accounts}
                {run.plannedAccounts !== null ? ` of ${run.plannedAccounts}` : ''}
              </Typography>
            </div>
            <div>
              <Typography variant="caption">Invoices</Typography>
              <Typography>{run.invoices}</Typography>
            </div>
            <div>
              <Typography variant="caption">Invoiced</Typography>
              <Typography>
                <Money amount={run.invoicedTotal} currency={currency} variant="body1" />
              </Typography>
            </div>
            <div>
              <Typography variant="caption">Parked</Typography>
              <Typography>{run.parked}</Typography>
            </div>
            <div>
              <Typography variant="caption">Failures</Typography>
              <Typography>{run.failures}</Typography>
            </div>
          </Stack>
        </CardContent>
      </Card>
      <Card>
        <CardHeader title="Parked accounts" subheader="Invoices that broke a safety bound were not written; release or dismiss each." />
        <CardContent>
          <ParkedTable run={run} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader title="Failures" />
        <CardContent>
          {run.failureList?.length ? (
            <Table size="small" aria-label="Failed accounts">
              <TableHead>
                <TableRow>
                  <TableCell>Account</TableCell>
                  <TableCell>Reason</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {run.failureList.map((f) => (
                  <TableRow key={f.accountId}>
                    <TableCell>
                      <Link to={`/accounts/${f.accountId}/show`}>Account {f.accountId}</Link>
                    </TableCell>
                    <TableCell>{f.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <Typography variant="body2">Every account was billed or parked.</Typography>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
};

/** One bill run: its totals, the accounts it parked for a person to decide on, and its failures. Refreshes while it runs. */
export const BillRunShow = () => (
  <ShowBase
    queryOptions={{ refetchInterval: (query) => ((query.state.data as BillRunDetail | undefined)?.status === 'running' ? 3000 : false) }}
  >
    <BillRunDetails />
  </ShowBase>
);
