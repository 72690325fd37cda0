import { Datagrid, DateInput, ExportButton, FilterButton, FunctionField, List, TextField, TopToolbar } from 'react-admin';
import { formatDate } from '../accounts/formatting';
import { ReversedChip } from '../billing/common/ReversedChip';
import { useInstanceCurrency } from '../billing/common/useInstanceCurrency';
import { AccountFilterInput } from '../common';
import { MoneyField } from '../money';
import type { LateFee } from '../types';
import { lateFeesExporter } from './lateFeeColumns';

// Calendar days, as the API takes them: DateInput gives YYYY-MM-DD with no time zone to shift it.
const filters = [
  <DateInput key="chargedFrom" source="chargedFrom" label="Charged from" alwaysOn />,
  <DateInput key="chargedTo" source="chargedTo" label="Charged to" alwaysOn />,
  <AccountFilterInput key="accountId" source="accountId" />,
];

/**
 * Late fees delinquency charged on every account, newest first: the rows behind the
 * dashboard's late fees this month, each with the overdue invoice it was charged for.
 * A row opens the account's billing.
 */
export const LateFeesList = () => {
  const currency = useInstanceCurrency();
  return (
    <List
      filters={filters}
      sort={{ field: 'date', order: 'DESC' }}
      perPage={25}
      exporter={currency ? lateFeesExporter(currency) : false}
      actions={
        <TopToolbar>
          <FilterButton />
          <ExportButton />
        </TopToolbar>
      }
      title="Late fees"
    >
      <Datagrid bulkActionButtons={false} rowClick={(_id, _resource, record) => `/accounts/${(record as LateFee).accountId}/show/billing`}>
        <FunctionField<LateFee> source="date" label="Charged" render={(fee) => formatDate(fee.date)} />
        <TextField source="accountName" label="Account" sortable={false} />
        <MoneyField source="amount" label="Amount with tax" currency={currency} />
        <TextField source="invoiceNumber" label="For invoice" sortable={false} />
        <FunctionField<LateFee> label="Reversed" sortable={false} render={(fee) => <ReversedChip reversedOn={fee.reversedOn} />} />
      </Datagrid>
    </List>
  );
};
