import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { Permissions, useHasPermission } from '../../permissions';
import type { Transaction } from '../../types';
import type { TransactionAction } from './dialogs/TransactionDialogs';
import { hasEditableDescription, isReversibleDebit, isVoidableCredit } from './transactionRules';
import { receiptPdfUrl } from '../../dataProvider';

interface TransactionRowActionsProps {
  transaction: Transaction;
  onAction: (action: TransactionAction, transaction: Transaction) => void;
}

/** Reverse and edit on debits, void on credits, a receipt for payments; only what the user may do. */
export const TransactionRowActions = ({ transaction, onAction }: TransactionRowActionsProps) => {
  const canManage = useHasPermission(Permissions.BillingManage);
  const canVoid = useHasPermission(Permissions.BillingVoid);
  const label = `${transaction.description} (#${transaction.id})`;
  return (
    <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end' }} onClick={(event) => event.stopPropagation()}>
      {canVoid && isReversibleDebit(transaction) ? (
        <Button size="small" color="warning" onClick={() => onAction('reverse', transaction)} aria-label={`Reverse ${label}`}>
          Reverse
        </Button>
      ) : null}
      {canManage && hasEditableDescription(transaction) ? (
        <Button size="small" onClick={() => onAction('describe', transaction)} aria-label={`Edit description of ${label}`}>
          Edit
        </Button>
      ) : null}
      {canVoid && isVoidableCredit(transaction) ? (
        <Button size="small" color="error" onClick={() => onAction('void', transaction)} aria-label={`Void ${label}`}>
          Void
        </Button>
      ) : null}
      {transaction.kind === 'payment' ? (
        <Button size="small" component="a" href={receiptPdfUrl(transaction.id)} download aria-label={`Receipt for ${label}`}>
          Receipt
        </Button>
      ) : null}
    </Stack>
  );
};
