import DialogContentText from '@mui/material/DialogContentText';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../../dataProvider';
import type { UninventoriedMac } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';

/** Asks first: the MAC address goes, and every address it holds goes with it. */
export const DeleteMacDialog = ({ mac, onClose }: { mac: UninventoriedMac; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const held = mac.ipAddresses;
  const confirm = async () => {
    await dataProvider.deleteUninventoriedMac(mac.id);
    await changed();
    return held.length > 0 ? `${mac.mac} deleted with ${held.join(', ')}` : `${mac.mac} deleted`;
  };
  return (
    <ActionDialog title={`Delete MAC address ${mac.mac}?`} confirmLabel="Delete" confirmColor="error" onConfirm={confirm} onClose={onClose}>
      <DialogContentText>
        {held.length > 0
          ? `Its ${held.length === 1 ? 'address' : 'addresses'} ${held.join(', ')} ${held.length === 1 ? 'is' : 'are'} removed with it: the DHCP servers stop offering ${held.length === 1 ? 'it' : 'them'} to the device and ${held.length === 1 ? 'it is' : 'they are'} free for others again. The removed assignments stay in the history.`
          : 'It holds no address; it is simply taken off the account.'}
      </DialogContentText>
    </ActionDialog>
  );
};
