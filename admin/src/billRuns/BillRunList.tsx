import Typography from '@mui/material/Typography';
import { Datagrid, DateField, FunctionField, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { Money } from '../billing/common/Money';
import { useInstanceCurrency } from '../billing/common/useInstanceCurrency';
import { Permissions, useHasPermission } from '../permissions';
import { BillRunProgressBar } from './BillRunProgressBar';
import { PreviewBillRunButton } from './PreviewBillRunButton';
import { StartBillRunButton } from './StartBillRunButton';
import type { BillRunSummary as BillRun } from './types';

const Actions = () => (
  <TopToolbar>
    <PreviewBillRunButton />
    {useHasPermission(Permissions.BillingManage) ? <StartBillRunButton /> : null}
  </TopToolbar>
);

/** How many invoices the run wrote and what they came to; a run carries cents only, the currency is the instance's. */
const InvoicedCell = ({ run }: { run: BillRun }) => {
  const currency = useInstanceCurrency();
  return (
    <span>
      <Money amount={run.invoicedTotal} currency={currency} />
      <Typography component="span" variant="caption" color="text.secondary" display="block">
        {run.invoices === 1 ? '1 invoice' : `${run.invoices} invoices`}
      </Typography>
    </span>
  );
};

/** Bill runs, newest first; a running one shows how far it is and the list refreshes until it is done. A row opens the run. */
export const BillRunList = () => (
  <List
    title="Bill runs"
    actions={<Actions />}
    exporter={false}
    // With no runs yet the toolbar (start, preview) must still show.
    empty={false}
    // Poll only while a run is moving, so the screen stays still otherwise.
    queryOptions={{
      refetchInterval: (query) => ((query.state.data?.data ?? []).some((run: BillRun) => run.status === 'running') ? 3000 : false),
    }}
  >
    <Datagrid bulkActionButtons={false} rowClick="show">
      <TextField source="runDate" label="Billing date" />
      <FunctionField<BillRun> label="Status" render={(run) => (run.status === 'running' ? <BillRunProgressBar run={run} /> : run.status)} />
      <NumberField source="accounts" />
      <FunctionField<BillRun> label="Invoiced" textAlign="right" render={(run) => <InvoicedCell run={run} />} />
      <FunctionField<BillRun> label="Parked" render={(run) => (run.parked > 0 ? `${run.parked} to decide` : 'none')} />
      <FunctionField<BillRun> label="Failures" render={(run) => (run.failures > 0 ? `${run.failures} to check` : 'none')} />
      <DateField source="startedAt" showTime label="Started" />
      <DateField source="finishedAt" showTime label="Finished" />
    </Datagrid>
  </List>
);
