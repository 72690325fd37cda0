import DialogContentText from '@mui/material/DialogContentText';
import type { ChildAccount } from '../../types';
import { ActionDialog } from '../common/ActionDialog';
import { useBillingChanged } from '../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

export const UnlinkChildAccountDialog = ({
  accountId,
  child,
  onClose,
}: {
  accountId: number;
  child: ChildAccount;
  onClose: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const confirm = async () => {
    await dataProvider.unlinkChildAccount(accountId, child.id);
    await changed();
    return `${child.name} is no longer a child account`;
  };
  return (
    <ActionDialog
      title={`Unlink ${child.name}?`}
      confirmLabel="Unlink account"
      confirmColor="warning"
      onConfirm={confirm}
      onClose={onClose}
    >
      <DialogContentText>
        Its next invoices are its own to pay. Invoices already linked to this account&apos;s invoices stay linked until unlinked one by one.
      </DialogContentText>
    </ActionDialog>
  );
};
