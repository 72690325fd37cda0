import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../../dataProvider';
import {
  ADDRESS_SOURCE,
  type AddressSourceOption,
  addressChoiceInput,
  AddressChoiceFields,
  addressChoicePending,
  POOL_SOURCE,
  useAddressChoice,
} from '../assignments/AddressChoiceFields';
import { DescriptionField } from '../common/DescriptionField';
import { MAC_HTML_INPUT, MAC_PLACEHOLDER, macProblem } from '../inventory/macAddress';
import type { UninventoriedMacInput } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';

const SOURCES: AddressSourceOption<'pool' | 'address' | 'none'>[] = [POOL_SOURCE, ADDRESS_SOURCE, { value: 'none', label: 'None for now' }];

/**
 * "Add MAC address": a device of the subscriber's own (their router, say) kept on the account by
 * its MAC address, usually with an address reserved for it on the DHCP servers at once.
 */
export const AddMacDialog = ({ account, onClose }: { account: { id: number; name: string }; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const [mac, setMac] = useState('');
  const [description, setDescription] = useState('');
  const choice = useAddressChoice<'none'>();
  const typed = macProblem(mac);

  const confirm = async () => {
    const input: UninventoriedMacInput = {
      mac: mac.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...addressChoiceInput(choice),
    };
    const created = await dataProvider.createUninventoriedMac(account.id, input);
    await changed();
    return created.ipAddresses.length > 0 ? `${created.mac} added with ${created.ipAddresses.join(', ')}` : `${created.mac} added`;
  };

  return (
    <ActionDialog
      title="Add MAC address"
      confirmLabel="Add MAC address"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!mac.trim() || typed !== null || addressChoicePending(choice)}
      inlineFields={['mac', 'description', 'poolId', 'address', 'subnetId']}
    >
      {(errors) => (
        <>
          <TextField
            fullWidth
            autoFocus
            margin="normal"
            label="MAC address"
            required
            value={mac}
            placeholder={MAC_PLACEHOLDER}
            onChange={(event) => setMac(event.target.value)}
            autoComplete="off"
            slotProps={{ htmlInput: MAC_HTML_INPUT }}
            error={Boolean(errors.mac ?? typed)}
            helperText={errors.mac ?? typed ?? 'A device that is not in the inventory, e.g. the subscriber’s own router'}
          />
          <DescriptionField value={description} onChange={setDescription} error={errors.description} />
          <AddressChoiceFields id="add-mac-address" label="IP address" options={SOURCES} choice={choice} errors={errors} />
          {choice.source === 'none' ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              The MAC address is kept on the account without an address; give it one later with Add IP assignment.
            </Typography>
          ) : null}
        </>
      )}
    </ActionDialog>
  );
};
