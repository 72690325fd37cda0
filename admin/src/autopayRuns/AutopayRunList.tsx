import LinearProgress from '@mui/material/LinearProgress';
import { Datagrid, DateField, FunctionField, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { MoneyField } from '../money';
import { Permissions, useHasPermission } from '../permissions';
import { StartAutopayRunButton } from './StartAutopayRunButton';
import type { AutopayRunSummary } from './types';

const Actions = () => <TopToolbar>{useHasPermission(Permissions.BillingManage) ? <StartAutopayRunButton /> : null}</TopToolbar>;

/** Autopay runs, newest first, with what each charged and what failed; the list refreshes while one runs. A row opens it. */
export const AutopayRunList = () => (
  <List
    title="Autopay runs"
    actions={<Actions />}
    exporter={false}
    empty={false}
    queryOptions={{
      refetchInterval: (query) =>
        (query.state.data?.data ?? []).some((run: AutopayRunSummary) => run.status === 'running') ? 3000 : false,
    }}
  >
    <Datagrid bulkActionButtons={false} rowClick="show">
      <TextField source="runDate" label="Autopay date" />
      <FunctionField<AutopayRunSummary>
        label="Status"
        render={(run) =>
          run.status === 'running' ? <LinearProgress aria-label="Autopay run in progress" sx={{ minWidth: 120 }} /> : run.status
        }
      />
      <NumberField source="attempts" label="Accounts" />
      <NumberField source="succeeded" />
      <NumberField source="processing" label="Bank pending" />
      <FunctionField<AutopayRunSummary> label="Failed" render={(run) => (run.failed > 0 ? `${run.failed} to check` : 'none')} />
      <MoneyField source="chargedTotal" label="Charged" />
      <DateField source="startedAt" showTime label="Started" />
    </Datagrid>
  </List>
);
