import { RecordContextProvider } from 'react-admin';
import { DetailsDrawer } from '../../common/DetailsDrawer';
import type { Transaction } from '../../types';
import { TransactionExpand } from './TransactionExpand';
import { KIND_LABELS } from './transactionRules';

interface TransactionDrawerProps {
  transaction: Transaction | null;
  currency: string | undefined;
  onClose: () => void;
}

/** A ledger row in the side panel: its details, then its taxes, where its credit went, or a payment's history. */
export const TransactionDrawer = ({ transaction, currency, onClose }: TransactionDrawerProps) => (
  <DetailsDrawer title={transaction ? `${KIND_LABELS[transaction.kind]}: ${transaction.description}` : null} onClose={onClose} width={520}>
    {transaction ? (
      <RecordContextProvider value={transaction}>
        <TransactionExpand key={transaction.id} currency={currency} />
      </RecordContextProvider>
    ) : null}
  </DetailsDrawer>
);
