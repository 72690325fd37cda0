import { CreateButton, Datagrid, FunctionField, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';
import type { Role } from '../types';
import { DeleteRoleButton } from './DeleteRoleButton';

const RoleListActions = () => {
  const canManage = useHasPermission(Permissions.RolesManage);
  return <TopToolbar>{canManage ? <CreateButton /> : null}</TopToolbar>;
};

export const RoleList = () => {
  const canManage = useHasPermission(Permissions.RolesManage);
  return (
    <List sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<RoleListActions />} exporter={false}>
      <Datagrid rowClick={canManage ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" label="ID" />
        <TextField source="name" />
        <TextField source="description" sortable={false} />
        <FunctionField<Role> label="Permissions" textAlign="right" sortable={false} render={(role) => role.permissions?.length ?? 0} />
        <NumberField source="userCount" label="Users" sortable={false} />
        {canManage ? <DeleteRoleButton /> : null}
      </Datagrid>
    </List>
  );
};
