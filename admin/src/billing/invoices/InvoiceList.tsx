import { Datagrid, FunctionField, List, TextField } from 'react-admin';
import { formatDate } from '../../accounts/formatting';
import { MoneyField } from '../../money';
import type { Invoice } from '../../types';
import { InvoiceActionsMenu } from './InvoiceActionsMenu';
import { InvoiceExpand } from './expand/InvoiceExpand';
import type { OnInvoiceAction } from './invoiceActions';
import { InvoiceFlags } from './InvoiceFlags';

interface InvoiceListProps {
  accountId: number;
  currency: string | undefined;
  hasChildren: boolean;
  onAction: OnInvoiceAction;
}

/** The account's invoices, newest first; a row expands to its details, transactions and child invoices. */
export const InvoiceList = ({ accountId, currency, hasChildren, onAction }: InvoiceListProps) => (
  <List
    resource="invoices"
    filter={{ accountId }}
    sort={{ field: 'invoiceDate', order: 'DESC' }}
    perPage={25}
    disableSyncWithLocation
    storeKey={false}
    exporter={false}
    actions={false}
    title={false}
    empty={false}
  >
    <Datagrid
      expand={<InvoiceExpand currency={currency} />}
      rowClick="expand"
      bulkActionButtons={false}
      empty={<div style={{ padding: 16 }}>No invoices yet.</div>}
      rowSx={(record) => (record.void ? { opacity: 0.6 } : {})}
    >
      <TextField source="number" label="Invoice" />
      <FunctionField<Invoice> source="invoiceDate" label="Date" render={(invoice) => formatDate(invoice.invoiceDate)} />
      <FunctionField<Invoice> source="dueDate" label="Due" render={(invoice) => formatDate(invoice.dueDate)} />
      <MoneyField source="total" currency={currency} />
      <MoneyField source="paid" currency={currency} sortable={false} />
      <MoneyField source="remaining" currency={currency} sortable={false} />
      <FunctionField<Invoice> label="Flags" render={(invoice) => <InvoiceFlags invoice={invoice} />} />
      <InvoiceActionsMenu label="Actions" onAction={onAction} hasChildren={hasChildren} />
    </Datagrid>
  </List>
);
