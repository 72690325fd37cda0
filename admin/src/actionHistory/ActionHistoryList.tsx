import {
  AutocompleteInput,
  Datagrid,
  DateField,
  DateTimeInput,
  FilterButton,
  List,
  NumberInput,
  ReferenceInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';
import { ActionHistoryDiff } from './ActionHistoryDiff';
import { ExportCsvButton } from './ExportCsvButton';

/** datetime-local value (browser time zone) → ISO 8601 in UTC, as the API filters expect. */
const toIsoString = (value: string) => (value ? new Date(value).toISOString() : null);

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

  const filters = [
    <TextInput key="entityType" source="entityType" label="Entity type" alwaysOn />,
    <TextInput key="entityId" source="entityId" label="Entity ID" alwaysOn />,
    <TextInput key="action" source="action" label="Action" alwaysOn />,
    <DateTimeInput key="createdFrom" source="createdFrom" label="From" parse={toIsoString} alwaysOn />,
    <DateTimeInput key="createdTo" source="createdTo" label="To" parse={toIsoString} alwaysOn />,
    canReadUsers ? (
      <ReferenceInput key="actorUserId" source="actorUserId" reference="users" label="Actor" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput label="Actor" />
      </ReferenceInput>
    ) : (
      <NumberInput key="actorUserId" source="actorUserId" label="Actor user ID" min={1} step={1} />
    ),
    <TextInput key="requestId" source="requestId" label="Request ID" />,
  ];

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
        <TextField source="actorEmail" label="Actor" sortable={false} emptyText="system" />
        <TextField source="action" />
        <TextField source="entityType" label="Entity type" />
        <TextField source="entityId" label="Entity ID" sortable={false} />
        <TextField source="requestId" label="Request ID" sortable={false} />
      </Datagrid>
    </List>
  );
};
