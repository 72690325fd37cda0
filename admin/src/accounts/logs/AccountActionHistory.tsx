import { Datagrid, DateTimeInput, FunctionField, List, TextField, TextInput } from 'react-admin';
import { ActionHistoryDiff } from '../../actionHistory/ActionHistoryDiff';
import type { ActionHistoryEntry } from '../../types';
import { RelativeTime } from '../RelativeTime';

/** datetime-local value (browser time zone) → ISO 8601 in UTC, as the API filters expect. */
const toIsoString = (value: string) => (value ? new Date(value).toISOString() : null);

const filters = [
  <TextInput key="action" source="action" label="Action" alwaysOn />,
  <TextInput key="entityType" source="entityType" label="Entity type" alwaysOn />,
  <DateTimeInput key="createdFrom" source="createdFrom" label="From" parse={toIsoString} alwaysOn />,
  <DateTimeInput key="createdTo" source="createdTo" label="To" parse={toIsoString} alwaysOn />,
];

/** Everything that happened to the account and what it owns; a row expands to before/after. */
export const AccountActionHistory = ({ accountId }: { accountId: number }) => (
  <List
    resource="action-history"
    filter={{ accountId }}
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    disableSyncWithLocation
    storeKey={false}
    exporter={false}
    actions={false}
    title={false}
    empty={false}
  >
    <Datagrid expand={<ActionHistoryDiff />} rowClick="expand" bulkActionButtons={false}>
      <FunctionField<ActionHistoryEntry> source="createdAt" label="When" render={(entry) => <RelativeTime value={entry.createdAt} />} />
      <TextField source="actorEmail" label="Who" sortable={false} emptyText="system" />
      <TextField source="action" />
      <TextField source="entityType" label="What" />
      <TextField source="entityId" label="ID" sortable={false} />
    </Datagrid>
  </List>
);
