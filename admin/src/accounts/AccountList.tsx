import Chip from '@mui/material/Chip';
import {
  AutocompleteInput,
  ChipField,
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  ReferenceArrayField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SingleFieldList,
  TextField,
  TopToolbar,
} from 'react-admin';
import { ExportCsvButton } from '../actionHistory/ExportCsvButton';
import { StatusChipField } from '../accountStatuses';
import { searchByName } from '../common';
import { Permissions, useHasPermission } from '../permissions';
import type { Account } from '../types';

const AccountListActions = () => {
  const canManage = useHasPermission(Permissions.AccountsManage);
  return (
    <TopToolbar>
      <FilterButton />
      {canManage ? <CreateButton /> : null}
      <ExportCsvButton />
    </TopToolbar>
  );
};

const accountFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="ID, name, contact, email, phone, address" />,
  <ReferenceInput
    key="accountStatusId"
    source="accountStatusId"
    reference="account-statuses"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={100}
  >
    <SelectInput label="Status" optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="accountTypeId" source="accountTypeId" reference="account-types" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
    <SelectInput label="Type" optionText="name" />
  </ReferenceInput>,
  <NullableBooleanInput key="delinquent" source="delinquent" label="Delinquent" />,
  <ReferenceInput key="groupId" source="groupId" reference="account-groups" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="Group" optionText="name" filterToQuery={searchByName} />
  </ReferenceInput>,
];

const cityAndPostcode = (account: Account) =>
  [account.serviceAddress?.city, account.serviceAddress?.postcode].filter(Boolean).join(' ') || '—';

export const AccountList = () => (
  <List filters={accountFilters} sort={{ field: 'id', order: 'DESC' }} perPage={25} actions={<AccountListActions />} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" label="ID" />
      <TextField source="name" />
      <ReferenceField source="accountStatusId" reference="account-statuses" label="Status" sortable={false} link={false}>
        <StatusChipField />
      </ReferenceField>
      <ReferenceField source="accountTypeId" reference="account-types" label="Type" sortable={false} link={false} />
      <ReferenceArrayField source="groupIds" reference="account-groups" label="Groups" sortable={false}>
        <SingleFieldList linkType={false} empty={<Chip size="small" variant="outlined" label="No groups" />}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <FunctionField<Account> label="City / postcode" sortable={false} render={cityAndPostcode} />
    </Datagrid>
  </List>
);
