import type { Transaction } from '../../../types';
import { CorrectTransactionDialog } from './CorrectTransactionDialog';
import { EditDescriptionDialog } from './EditDescriptionDialog';

export type TransactionAction = 'reverse' | 'void' | 'describe';
export type TransactionDialogState = { action: TransactionAction; transaction: Transaction } | null;

/** The dialog of the chosen action on one transaction, wherever the transaction is listed. */
export const TransactionDialogs = ({
  state,
  currency,
  onClose,
}: {
  state: TransactionDialogState;
  currency: string | undefined;
  onClose: () => void;
}) => {
  if (!state) return null;
  if (state.action === 'describe') return <EditDescriptionDialog transaction={state.transaction} onClose={onClose} />;
  return <CorrectTransactionDialog mode={state.action} transaction={state.transaction} currency={currency} onClose={onClose} />;
};
