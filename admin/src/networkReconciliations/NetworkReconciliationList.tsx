import LinearProgress from '@mui/material/LinearProgress';
import { Datagrid, DateField, FunctionField, List, TopToolbar } from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';
import { askedBy, ReconciliationStatus } from './reconciliationWords';
import { RunReconciliationButton } from './RunReconciliationButton';
import type { ReconciliationSummary } from './types';

const Actions = () => <TopToolbar>{useHasPermission(Permissions.NetworkConfigure) ? <RunReconciliationButton /> : null}</TopToolbar>;

/** A count once the reconciliation has finished; a failed one repaired nothing it could report. */
const count = (run: ReconciliationSummary, n: number) => (run.status === 'completed' ? n : '—');

/** Reconciliations of the network servers, the nightly ones and those asked for, newest first; a row opens its report. */
export const NetworkReconciliationList = () => (
  <List
    title="Network reconciliations"
    actions={<Actions />}
    exporter={false}
    // With none yet, the button to run one must still show.
    empty={false}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    queryOptions={{
      refetchInterval: (query) =>
        (query.state.data?.data ?? []).some((run: ReconciliationSummary) => run.status === 'running') ? 3000 : false,
    }}
  >
    <Datagrid bulkActionButtons={false} rowClick="show">
      <DateField source="startedAt" showTime label="Started" />
      <FunctionField<ReconciliationSummary> label="Asked for by" render={askedBy} />
      <FunctionField<ReconciliationSummary>
        label="Status"
        render={(run) =>
          run.status === 'running' ? (
            <LinearProgress aria-label="Reconciliation in progress" sx={{ minWidth: 120 }} />
          ) : (
            <ReconciliationStatus status={run.status} />
          )
        }
      />
      <FunctionField<ReconciliationSummary>
        label="Changes on FreeRADIUS"
        textAlign="right"
        render={(run) => count(run, run.repairCounts.radius + run.repairCounts.nas)}
      />
      <FunctionField<ReconciliationSummary>
        label="Changes on DHCP servers"
        textAlign="right"
        render={(run) => count(run, run.repairCounts.dhcp)}
      />
      <FunctionField<ReconciliationSummary> label="Changes" textAlign="right" render={(run) => count(run, run.repairs)} />
      <DateField source="finishedAt" showTime label="Finished" sortable={false} />
    </Datagrid>
  </List>
);
