import { Datagrid, DateField, FunctionField, List, TextField } from 'react-admin';
import { NightlyRunPanel } from './NightlyRunPanel';
import type { NightlyRun } from './types';

const stepLabels: Record<NightlyRun['step'], string> = { nightly: 'Whole night', delinquency: 'Delinquency' };

/** The date picker with its preview and run buttons, then every nightly process run so far, newest date first. */
export const NightlyRunList = () => (
  <>
    <NightlyRunPanel />
    <List
      title="Nightly runs"
      exporter={false}
      empty={false}
      queryOptions={{
        refetchInterval: (query) => ((query.state.data?.data ?? []).some((run: NightlyRun) => run.status === 'running') ? 3000 : false),
      }}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="runDate" label="Date" />
        <FunctionField<NightlyRun> label="Process" render={(run) => stepLabels[run.step]} />
        <TextField source="status" />
        <FunctionField<NightlyRun> label="Caught up by" render={(run) => (run.caughtUpBy ? `the night of ${run.caughtUpBy}` : '')} />
        <TextField source="workflowId" label="Workflow" />
        <DateField source="startedAt" showTime label="Started" />
        <DateField source="finishedAt" showTime label="Finished" />
      </Datagrid>
    </List>
  </>
);
