import { BooleanField, Datagrid, FunctionField, List, SearchInput, TextField } from 'react-admin';
import { ConfigureListActions } from '../../billing/common/ConfigureListActions';
import { Permissions, useHasPermission } from '../../permissions';
import type { Tax } from '../../types';
import { formatRateE4 } from '../rateE4';

export const TaxList = () => {
  const canConfigure = useHasPermission(Permissions.BillingConfigure);
  return (
    <List
      title="Taxes"
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: 'name', order: 'ASC' }}
      actions={<ConfigureListActions />}
      exporter={false}
    >
      <Datagrid rowClick={canConfigure ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" label="ID" />
        <TextField source="name" />
        <TextField source="taxTypeName" label="Tax type" sortable={false} />
        <FunctionField<Tax> source="rateE4" label="Rate" textAlign="right" render={(tax) => formatRateE4(tax.rateE4)} />
        <FunctionField<Tax>
          label="Where"
          sortable={false}
          render={(tax) => (tax.geographic ? `In ${tax.zoneCount} zone(s)` : 'Everywhere')}
        />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
};
