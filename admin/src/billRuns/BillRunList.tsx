import LinearProgress from '@mui/material/LinearProgress';
import { Datagrid, DateField, FunctionField, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { MoneyField } from '../money';
import { Permissions, useHasPermission } from '../permissions';
import { PreviewBillRunButton } from './PreviewBillRunButton';
import { StartBillRunButton } from './StartBillRunButton';

interface BillRun {
  id: number;
  status: 'running' | 'completed' | 'failed';
  failures: number;
}

const Actions = () => (
  <TopToolbar>
    <PreviewBillRunButton />
    {useHasPermission(Permissions.BillingManage) ? <StartBillRunButton /> : null}
  </TopToolbar>
);

/** Bill runs, newest first; a running one shows a moving bar and refreshes until it is done. */
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
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="runDate" label="Billing date" />
      <FunctionField<BillRun>
        label="Status"
        render={(run) =>
          run.status === 'running' ? <LinearProgress aria-label="Bill run in progress" sx={{ minWidth: 120 }} /> : run.status
        }
      />
      <NumberField source="accounts" />
      <NumberField source="invoices" />
      <MoneyField source="invoicedTotal" label="Invoiced" />
      <FunctionField<BillRun> label="Failures" render={(run) => (run.failures > 0 ? `${run.failures} to check` : 'none')} />
      <DateField source="startedAt" showTime label="Started" />
      <DateField source="finishedAt" showTime label="Finished" />
    </Datagrid>
  </List>
);
