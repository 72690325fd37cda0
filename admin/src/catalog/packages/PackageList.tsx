import { BooleanField, Datagrid, FunctionField, List, NullableBooleanInput, SearchInput, TextField } from 'react-admin';
import { useInstanceCurrency } from '../../billing/common/useInstanceCurrency';
import { MoneyField } from '../../money';
import { Permissions, useHasPermission } from '../../permissions';
import type { CatalogPackage } from '../../types';
import { ConfigureListActions } from '../../billing/common/ConfigureListActions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="active" source="active" label="Active" alwaysOn />,
];

export const PackageList = () => {
  const canConfigure = useHasPermission(Permissions.BillingConfigure);
  const currency = useInstanceCurrency();
  return (
    <List
      title="Packages"
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      actions={<ConfigureListActions />}
      exporter={false}
    >
      <Datagrid rowClick={canConfigure ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" label="ID" />
        <TextField source="name" />
        <FunctionField<CatalogPackage>
          label="Services"
          render={(pkg) => pkg.items.map((item) => `${item.quantity} × ${item.service.name}`).join(', ')}
        />
        <MoneyField source="total" label="Per period" currency={currency} sortable={false} />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
};
