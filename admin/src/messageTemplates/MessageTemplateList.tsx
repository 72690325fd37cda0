import { Datagrid, DateField, List, TextField } from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';

export const MessageTemplateList = () => {
  const canConfigure = useHasPermission(Permissions.CorrespondenceConfigure);
  return (
    <List title="Message templates" sort={{ field: 'name', order: 'ASC' }} exporter={false} pagination={false}>
      <Datagrid rowClick={canConfigure ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="key" sortable />
        <TextField source="categoryName" label="Category" sortable={false} />
        <TextField source="subject" sortable={false} />
        <DateField source="updatedAt" label="Updated" showTime sortable={false} />
        <TextField source="updatedByName" label="By" sortable={false} />
      </Datagrid>
    </List>
  );
};
