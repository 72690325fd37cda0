import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../../dataProvider';
import { PoolAddressFields, poolAddressInput, usePoolAddress } from '../assignments/PoolAddressFields';
import { MAC_PLACEHOLDER, macProblem } from '../inventory/macAddress';
import type { UninventoriedMacInput } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';

type AddressSource = 'none' | 'pool' | 'address';

const SOURCES: { value: AddressSource; label: string }[] = [
  { value: 'pool', label: 'From a pool' },
  { value: 'address', label: 'A particular address' },
  { value: 'none', label: 'None for now' },
];

const DESCRIPTION_MAX_LENGTH = 200;

/**
 * "Add MAC address": a device of the subscriber's own (their router, say) kept on the account by
 * its MAC address, usually with an address reserved for it on the DHCP servers at once.
 */
export const AddMacDialog = ({ account, onClose }: { account: { id: number; name: string }; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const [mac, setMac] = useState('');
  const [description, setDescription] = useState('');
  const [source, setSource] = useState<AddressSource>('pool');
  const poolAddress = usePoolAddress();
  const [address, setAddress] = useState('');
  const typed = macProblem(mac);

  const confirm = async () => {
    const input: UninventoriedMacInput = {
      mac: mac.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(source === 'pool' ? poolAddressInput(poolAddress) : {}),
      ...(source === 'address' ? { address: address.trim() } : {}),
    };
    const created = await dataProvider.createUninventoriedMac(account.id, input);
    await changed();
    return created.ipAddresses.length > 0 ? `${created.mac} added with ${created.ipAddresses.join(', ')}` : `${created.mac} added`;
  };

  const incomplete =
    !mac.trim() || typed !== null || (source === 'pool' && poolAddress.pool === null) || (source === 'address' && !address.trim());

  return (
    <ActionDialog
      title="Add MAC address"
      confirmLabel="Add MAC address"
      onConfirm={confirm}
      onClose={onClose}
      disabled={incomplete || poolAddress.holding}
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
            slotProps={{ htmlInput: { maxLength: 20, spellCheck: false, style: { fontFamily: 'monospace' } } }}
            error={Boolean(errors.mac ?? typed)}
            helperText={errors.mac ?? typed ?? 'A device that is not in the inventory, e.g. the subscriber’s own router'}
          />
          <TextField
            fullWidth
            margin="normal"
            label="Description (optional)"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            slotProps={{ htmlInput: { maxLength: DESCRIPTION_MAX_LENGTH } }}
            error={Boolean(errors.description)}
            helperText={errors.description ?? `${description.length}/${DESCRIPTION_MAX_LENGTH}`}
          />
          <FormControl sx={{ mt: 1 }}>
            <FormLabel id="add-mac-address">IP address</FormLabel>
            <RadioGroup
              row
              aria-labelledby="add-mac-address"
              value={source}
              onChange={(event) => setSource(event.target.value as AddressSource)}
            >
              {SOURCES.map((option) => (
                <FormControlLabel key={option.value} value={option.value} control={<Radio size="small" />} label={option.label} />
              ))}
            </RadioGroup>
          </FormControl>
          {source === 'pool' ? <PoolAddressFields state={poolAddress} errors={errors} /> : null}
          {source === 'address' ? (
            <TextField
              fullWidth
              margin="normal"
              label="Address"
              value={address}
              onChange={(event) => setAddress(event.target.value)}
              placeholder="100.64.8.23"
              autoComplete="off"
              slotProps={{ htmlInput: { maxLength: 50 } }}
              error={Boolean(errors.address ?? errors.subnetId)}
              helperText={errors.address ?? errors.subnetId ?? 'Any free address inside a subnet of the address plan.'}
            />
          ) : null}
          {source === 'none' ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              The MAC address is kept on the account without an address; give it one later with Add IP assignment.
            </Typography>
          ) : null}
        </>
      )}
    </ActionDialog>
  );
};
