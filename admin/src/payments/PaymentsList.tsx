import { Datagrid, ExportButton, FilterButton, FunctionField, List, SelectInput, TextField, TextInput, TopToolbar } from 'react-admin';
import { formatDate } from '../accounts/formatting';
import { ReversedChip } from '../billing/common/ReversedChip';
import { useInstanceCurrency } from '../billing/common/useInstanceCurrency';
import { paymentMethodLabel } from '../billing/transactions/transactionRules';
import { AccountFilterInput } from '../common';
import { MoneyField } from '../money';
import { RECEIVED_PAYMENT_METHODS, type ReceivedPayment } from '../types';
import { paymentsExporter } from './paymentColumns';

const filters = [
  <TextInput key="receivedIn" source="receivedIn" label="Received in" type="month" slotProps={{ inputLabel: { shrink: true } }} alwaysOn />,
  <SelectInput
    key="method"
    source="method"
    label="Method"
    choices={RECEIVED_PAYMENT_METHODS.map((method) => ({ id: method, name: paymentMethodLabel(method) }))}
    alwaysOn
  />,
  <AccountFilterInput key="accountId" source="accountId" />,
];

/**
 * Payments received on every account, newest first: the rows behind the dashboard's paid
 * bars. A payment reversed later stays on its day, marked; a row opens the account's billing.
 */
export const PaymentsList = () => {
  const currency = useInstanceCurrency();
  return (
    <List
      filters={filters}
      sort={{ field: 'date', order: 'DESC' }}
      perPage={25}
      exporter={currency ? paymentsExporter(currency) : false}
      actions={
        <TopToolbar>
          <FilterButton />
          <ExportButton />
        </TopToolbar>
      }
      title="Payments"
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => `/accounts/${(record as ReceivedPayment).accountId}/show/billing`}
      >
        <FunctionField<ReceivedPayment> source="date" label="Date" render={(payment) => formatDate(payment.date)} />
        <TextField source="accountName" label="Account" sortable={false} />
        <MoneyField source="amount" label="Amount" currency={currency} />
        <FunctionField<ReceivedPayment>
          label="Method"
          sortable={false}
          render={(payment) => [paymentMethodLabel(payment.method), payment.reference].filter(Boolean).join(', ')}
        />
        <TextField source="description" label="Description" sortable={false} />
        <FunctionField<ReceivedPayment>
          label="Reversed"
          sortable={false}
          render={(payment) => <ReversedChip reversedOn={payment.reversedOn} />}
        />
      </Datagrid>
    </List>
  );
};
