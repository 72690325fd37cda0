import DialogContentText from '@mui/material/DialogContentText';
import { ActionDialog } from '../common/ActionDialog';
import { paymentMethodName } from './paymentMethodLabels';
import type { SavedPaymentMethod } from './types';
import { usePaymentsChanged } from './usePaymentMethods';
import { useBackhaulDataProvider } from '../../dataProvider';

/** Removes the method from the account and from its Stripe customer. */
export const DeletePaymentMethodDialog = ({ method, onClose }: { method: SavedPaymentMethod; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = usePaymentsChanged(method.accountId);
  const confirm = async () => {
    await dataProvider.deletePaymentMethod(method);
    await changed();
    return `${paymentMethodName(method)} deleted`;
  };
  return (
    <ActionDialog
      title={`Delete ${paymentMethodName(method)}?`}
      confirmLabel="Delete"
      confirmColor="error"
      onConfirm={confirm}
      onClose={onClose}
    >
      <DialogContentText>
        It can no longer be charged{method.autopay ? ', and the account will have no autopay method' : ''}. Payments already made with it
        stay on the account. To use it again, add it again.
      </DialogContentText>
    </ActionDialog>
  );
};
