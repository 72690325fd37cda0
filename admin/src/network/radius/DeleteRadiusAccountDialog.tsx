import DialogContentText from '@mui/material/DialogContentText';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../../dataProvider';
import type { RadiusAccount } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';

/** Asks first; the API refuses while the login still holds addresses, and the dialog shows its reason. */
export const DeleteRadiusAccountDialog = ({ radiusAccount, onClose }: { radiusAccount: RadiusAccount; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const confirm = async () => {
    await dataProvider.deleteRadiusAccount(radiusAccount.id);
    await changed();
    return `RADIUS account ${radiusAccount.username} deleted`;
  };
  return (
    <ActionDialog
      title={`Delete RADIUS account ${radiusAccount.username}?`}
      confirmLabel="Delete"
      confirmColor="error"
      onConfirm={confirm}
      onClose={onClose}
    >
      <DialogContentText>
        The login is taken off the RADIUS server: the subscriber’s router cannot connect with it any more.
        {radiusAccount.ipAddresses.length > 0
          ? ` It still holds ${radiusAccount.ipAddresses.join(', ')}: remove or move ${radiusAccount.ipAddresses.length === 1 ? 'that address' : 'those addresses'} first.`
          : ''}
      </DialogContentText>
    </ActionDialog>
  );
};
