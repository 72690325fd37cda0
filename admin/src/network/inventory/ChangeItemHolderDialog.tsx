import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { AccountPicker } from '../../common';
import { useBackhaulDataProvider } from '../../dataProvider';
import type { Account } from '../../types';
import { itemLabel } from '../assignments/assignees';
import type { InventoryItem, StockLocation } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';
import { ITEM_STATUS_LABELS } from './itemStatus';

type Target = 'account' | 'stock';

/** What becomes of the status on the shelf: deployed turns in stock, faulty and retired stay. */
const stockStatus = (item: InventoryItem): string =>
  item.status === 'deployed'
    ? ', in stock'
    : item.status === 'in_stock'
      ? ''
      : `, still marked ${ITEM_STATUS_LABELS[item.status].toLowerCase()}`;

const heldAddresses = (item: InventoryItem): string[] => item.macs.flatMap((mac) => mac.ipAddresses);

/**
 * Gives the item to another account (deployed there) or a stock location (back in stock). While
 * its MAC addresses hold IP addresses it stays with its account: the API refuses, and the dialog
 * shows its sentence.
 */
export const ChangeItemHolderDialog = ({ item, onClose }: { item: InventoryItem; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const [target, setTarget] = useState<Target>(item.accountId === null ? 'account' : 'stock');
  const [account, setAccount] = useState<Account | null>(null);
  const [locationId, setLocationId] = useState<number | ''>('');
  const locations = useGetList<StockLocation>(
    'stock-locations',
    { filter: {}, pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: target === 'stock' },
  );
  const held = heldAddresses(item);
  const location = locations.data?.find((l) => l.id === locationId);

  const confirm = async () => {
    const moved = await dataProvider.changeItemHolder(
      item.id,
      target === 'account' ? { accountId: (account as Account).id } : { stockLocationId: locationId as number },
    );
    await changed();
    return `${itemLabel(moved)} is now with ${moved.accountName ?? moved.stockLocationName}`;
  };

  return (
    <ActionDialog
      title={`Change assignee of ${itemLabel(item)}`}
      confirmLabel="Change assignee"
      onConfirm={confirm}
      onClose={onClose}
      disabled={target === 'account' ? account === null : locationId === ''}
      inlineFields={['accountId', 'stockLocationId']}
    >
      {(errors) => (
        <>
          {held.length > 0 ? (
            <Alert severity="warning" sx={{ mb: 1 }}>
              Its MAC addresses hold {held.join(', ')}. It cannot leave {item.accountName ?? 'its account'} until those are removed or moved
              to another holder.
            </Alert>
          ) : null}
          <RadioGroup row aria-label="Give it to" value={target} onChange={(event) => setTarget(event.target.value as Target)}>
            <FormControlLabel value="account" control={<Radio size="small" />} label="Another account" />
            <FormControlLabel value="stock" control={<Radio size="small" />} label="A stock location" />
          </RadioGroup>
          {target === 'account' ? (
            <AccountPicker
              label="Account (name or ID)"
              value={account}
              onChange={setAccount}
              exclude={item.accountId}
              error={errors.accountId}
              helperText="Deployed at that account from now on."
            />
          ) : (
            <TextField
              select
              fullWidth
              margin="normal"
              label="Stock location"
              value={locationId}
              onChange={(event) => setLocationId(Number(event.target.value))}
              error={Boolean(errors.stockLocationId)}
              helperText={
                errors.stockLocationId ??
                (locations.data?.length === 0
                  ? 'No stock locations yet: add them under Settings.'
                  : location
                    ? `Kept at ${location.name} from now on${stockStatus(item)}.`
                    : ' ')
              }
            >
              {(locations.data ?? [])
                .filter((candidate) => candidate.id !== item.stockLocationId)
                .map((candidate) => (
                  <MenuItem key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </MenuItem>
                ))}
            </TextField>
          )}
        </>
      )}
    </ActionDialog>
  );
};
