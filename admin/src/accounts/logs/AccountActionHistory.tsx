import { Datagrid, FunctionField, List, TextField, TopToolbar } from 'react-admin';
import { ActionHistoryDiff } from '../../actionHistory/ActionHistoryDiff';
import { actionHistoryFilters } from '../../actionHistory/actionHistoryFilters';
import { ActionSummary } from '../../actionHistory/ActionSummary';
import { ExportCsvButton } from '../../actionHistory/ExportCsvButton';
import { Permissions, useHasPermission } from '../../permissions';
import type { ActionHistoryEntry } from '../../types';
import { RelativeTime } from '../RelativeTime';

/** Everything that happened to the account and what it owns; a row expands to before/after. */
export const AccountActionHistory = ({ accountId }: { accountId: number }) => {
  const canReadUsers = useHasPermission(Permissions.UsersRead);
  const canExport = useHasPermission(Permissions.AuditExport);
  return (
    <List
      resource="action-history"
      filter={{ accountId }}
      filters={actionHistoryFilters(canReadUsers)}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      disableSyncWithLocation
      storeKey={false}
      exporter={false}
      actions={canExport ? <TopToolbar>{<ExportCsvButton filter={{ accountId }} />}</TopToolbar> : false}
      title={false}
      empty={false}
    >
      <Datagrid expand={<ActionHistoryDiff />} rowClick="expand" bulkActionButtons={false}>
        <FunctionField<ActionHistoryEntry> source="createdAt" label="When" render={(entry) => <RelativeTime value={entry.createdAt} />} />
        <TextField source="actorEmail" label="By" sortable={false} emptyText="system" />
        <FunctionField<ActionHistoryEntry>
          label="What happened"
          sortable={false}
          render={(entry) => <ActionSummary entry={entry} withinAccount />}
        />
      </Datagrid>
    </List>
  );
};
