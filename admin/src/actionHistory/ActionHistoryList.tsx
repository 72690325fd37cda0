import { Datagrid, DateField, FilterButton, FunctionField, List, TextField, TextInput, TopToolbar } from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';
import type { ActionHistoryEntry } from '../types';
import { ActionHistoryDiff } from './ActionHistoryDiff';
import { actionHistoryFilters } from './actionHistoryFilters';
import { ActionSummary } from './ActionSummary';
import { ExportCsvButton } from './ExportCsvButton';

const ActionHistoryActions = () => {
  const canExport = useHasPermission(Permissions.AuditExport);
  return (
    <TopToolbar>
      <FilterButton />
      {canExport ? <ExportCsvButton /> : null}
    </TopToolbar>
  );
};

export const ActionHistoryList = () => {
  const canReadUsers = useHasPermission(Permissions.UsersRead);
  const filters = [...actionHistoryFilters(canReadUsers), <TextInput key="requestId" source="requestId" label="Request ID" />];

  return (
    <List
      title="Audit log"
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={50}
      actions={<ActionHistoryActions />}
      exporter={false}
    >
      <Datagrid expand={<ActionHistoryDiff />} rowClick="expand" bulkActionButtons={false}>
        <DateField source="createdAt" label="Date" showTime />
        <TextField source="actorEmail" label="By" sortable={false} emptyText="system" />
        <FunctionField<ActionHistoryEntry> label="What happened" sortable={false} render={(entry) => <ActionSummary entry={entry} />} />
      </Datagrid>
    </List>
  );
};
