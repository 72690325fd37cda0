import {
  BooleanField,
  CreateButton,
  Datagrid,
  defaultExporter,
  type Exporter,
  ExportButton,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { formatSpeeds } from '../../billing/common/speeds';
import { useInstanceCurrency } from '../../billing/common/useInstanceCurrency';
import { MoneyField } from '../../money';
import { Permissions, useHasPermission } from '../../permissions';
import { type CatalogService, SERVICE_KINDS } from '../../types';
import { SERVICE_KIND_LABELS, ServiceKindChip } from '../ServiceKindChip';
import { toServiceCsvRow } from './servicePayload';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={SERVICE_KINDS.map((kind) => ({ id: kind, name: SERVICE_KIND_LABELS[kind] }))} alwaysOn />,
  <NullableBooleanInput key="active" source="active" label="Active" alwaysOn />,
];

/** react-admin's CSV exporter, fed rows with readable prices. */
const exporter: Exporter<CatalogService> = (services, fetchRelated, dataProvider, resource) =>
  defaultExporter(services.map(toServiceCsvRow), fetchRelated, dataProvider, resource);

const ServiceListActions = () => {
  const canConfigure = useHasPermission(Permissions.BillingConfigure);
  return (
    <TopToolbar>
      <FilterButton />
      {canConfigure ? <CreateButton /> : null}
      <ExportButton />
    </TopToolbar>
  );
};

export const ServiceList = () => {
  const canConfigure = useHasPermission(Permissions.BillingConfigure);
  const currency = useInstanceCurrency();
  return (
    <List
      title="Services"
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      actions={<ServiceListActions />}
      exporter={exporter}
    >
      <Datagrid rowClick={canConfigure ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" label="ID" />
        <TextField source="name" />
        <FunctionField<CatalogService> source="kind" label="Kind" render={(service) => <ServiceKindChip kind={service.kind} />} />
        <MoneyField source="price" currency={currency} />
        <FunctionField<CatalogService> label="Speeds" render={(service) => formatSpeeds(service.downloadKbps, service.uploadKbps)} />
        <TextField source="ledgerCode" label="Ledger code" sortable={false} />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
};
