import { BooleanInput, Datagrid, FunctionField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { formatDate } from '../accounts/formatting';
import { InvoiceFlags } from '../billing/invoices/InvoiceFlags';
import { AGING_LABELS } from '../dashboard/AgingChart';
import { MoneyField } from '../money';
import type { Invoice } from '../types';
import { useInstanceCurrency } from '../billing/common/useInstanceCurrency';

const filters = [
  <SelectInput
    key="agingBucket"
    source="agingBucket"
    label="Past due"
    choices={Object.entries(AGING_LABELS).map(([id, name]) => ({ id, name }))}
    alwaysOn
  />,
  <BooleanInput key="open" source="open" label="Money still owed" />,
  <TextInput key="invoicedIn" source="invoicedIn" label="Invoiced in" type="month" slotProps={{ inputLabel: { shrink: true } }} />,
];

/** Invoices across every account, for chasing what is owed; a row opens the account's billing. */
export const InvoicesList = () => {
  const currency = useInstanceCurrency();
  return (
    <List filters={filters} sort={{ field: 'dueDate', order: 'ASC' }} perPage={25} exporter={false} title="Invoices">
      <Datagrid bulkActionButtons={false} rowClick={(_id, _resource, record) => `/accounts/${(record as Invoice).accountId}/show/billing`}>
        <TextField source="number" label="Invoice" emptyText="—" />
        <TextField source="accountName" label="Account" sortable={false} />
        <FunctionField<Invoice> source="invoiceDate" label="Date" render={(invoice) => formatDate(invoice.invoiceDate)} />
        <FunctionField<Invoice> source="dueDate" label="Due" render={(invoice) => formatDate(invoice.dueDate)} />
        <MoneyField source="total" currency={currency} />
        <MoneyField source="remaining" currency={currency} sortable={false} />
        <FunctionField<Invoice> label="Flags" render={(invoice) => <InvoiceFlags invoice={invoice} />} />
      </Datagrid>
    </List>
  );
};
