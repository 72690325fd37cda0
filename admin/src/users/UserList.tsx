import {
  AutocompleteInput,
  BooleanField,
  ChipField,
  CreateButton,
  Datagrid,
  DateField,
  ExportButton,
  FilterButton,
  List,
  NullableBooleanInput,
  ReferenceArrayField,
  ReferenceInput,
  SearchInput,
  SingleFieldList,
  TextField,
  TopToolbar,
} from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';
import { searchRoles } from '../roles/searchRoles';

const UserListActions = () => {
  const canManage = useHasPermission(Permissions.UsersManage);
  return (
    <TopToolbar>
      <FilterButton />
      {canManage ? <CreateButton /> : null}
      <ExportButton />
    </TopToolbar>
  );
};

/** Users are deactivated, never deleted: no delete or bulk actions. */
export const UserList = () => {
  const canManage = useHasPermission(Permissions.UsersManage);
  const canReadRoles = useHasPermission(Permissions.RolesRead);

  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <NullableBooleanInput key="active" source="active" label="Active" />,
    ...(canReadRoles
      ? [
          <ReferenceInput key="roleId" source="roleId" reference="roles" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput label="Role" optionText="name" filterToQuery={searchRoles} />
          </ReferenceInput>,
        ]
      : []),
  ];

  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<UserListActions />}>
      <Datagrid rowClick={canManage ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" label="ID" />
        <TextField source="email" />
        <TextField source="name" />
        <BooleanField source="active" />
        {canReadRoles ? (
          <ReferenceArrayField source="roleIds" reference="roles" label="Roles" sortable={false}>
            <SingleFieldList linkType={false}>
              <ChipField source="name" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        ) : null}
        <DateField source="lastLoginAt" label="Last login" showTime />
      </Datagrid>
    </List>
  );
};
