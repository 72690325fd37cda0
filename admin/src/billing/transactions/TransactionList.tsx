import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { Datagrid, FunctionField, List } from 'react-admin';
import { formatDate } from '../../accounts/formatting';
import { MoneyField } from '../../money';
import type { Transaction, TransactionKind } from '../../types';
import { AmountWithTax } from './AmountWithTax';
import type { TransactionAction } from './dialogs/TransactionDialogs';
import { TransactionRowActions } from './TransactionRowActions';
import { KIND_LABELS, paymentMethodLabel } from './transactionRules';

interface TransactionListProps {
  accountId: number;
  kind: TransactionKind | null;
  currency: string | undefined;
  onAction: (action: TransactionAction, transaction: Transaction) => void;
  /** A row was clicked: show the transaction in the side panel. */
  onOpen: (transaction: Transaction) => void;
}

const Details = ({ transaction }: { transaction: Transaction }) => (
  <>
    {transaction.description}
    {transaction.paymentMethod || transaction.reference ? (
      <Typography variant="caption" color="text.secondary" component="div">
        {[paymentMethodLabel(transaction.paymentMethod), transaction.reference].filter(Boolean).join(', ')}
      </Typography>
    ) : null}
  </>
);

/** The account's ledger, newest first, with the running balance after each row. */
export const TransactionList = ({ accountId, kind, currency, onAction, onOpen }: TransactionListProps) => (
  <List
    resource="transactions"
    filter={kind ? { accountId, kind } : { accountId }}
    sort={{ field: 'date', order: 'DESC' }}
    perPage={25}
    disableSyncWithLocation
    storeKey={false}
    exporter={false}
    actions={false}
    title={false}
    empty={false}
  >
    <Datagrid
      rowClick={(_id, _resource, record) => {
        onOpen(record as Transaction);
        return false;
      }}
      bulkActionButtons={false}
      empty={<div style={{ padding: 16 }}>No transactions.</div>}
    >
      <FunctionField<Transaction> source="date" label="Date" render={(transaction) => formatDate(transaction.date)} />
      <FunctionField<Transaction>
        label="Type"
        render={(transaction) => (
          <Chip
            size="small"
            label={KIND_LABELS[transaction.kind]}
            color={transaction.side === 'credit' ? 'success' : 'default'}
            variant="outlined"
          />
        )}
      />
      <FunctionField<Transaction> label="Details" render={(transaction) => <Details transaction={transaction} />} />
      <FunctionField<Transaction>
        label="Amount"
        textAlign="right"
        render={(transaction) => <AmountWithTax transaction={transaction} currency={currency} />}
      />
      <MoneyField source="balance" label="Balance" currency={currency} sortable={false} />
      <FunctionField<Transaction>
        label="Actions"
        textAlign="right"
        render={(transaction) => <TransactionRowActions transaction={transaction} onAction={onAction} />}
      />
    </Datagrid>
  </List>
);
