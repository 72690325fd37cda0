import { Datagrid, DateField, FunctionField, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { MoneyField } from '../money';
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
      <NumberField source="invoices" />
      <MoneyField source="invoicedTotal" label="Invoiced" />
      <FunctionField<BillRun> label="Parked" render={(run) => (run.parked > 0 ? `${run.parked} to decide` : 'none')} />
      <FunctionField<BillRun> label="Failures" render={(run) => (run.failures > 0 ? `${run.failures} to check` : 'none')} />
      <DateField source="startedAt" showTime label="Started" />
      <DateField source="finishedAt" showTime label="Finished" />
    </Datagrid>
  </List>
);
