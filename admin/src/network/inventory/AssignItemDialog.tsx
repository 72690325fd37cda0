import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../../dataProvider';
import { itemLabel } from '../assignments/assignees';
import { SearchPicker } from '../common/SearchPicker';
import type { InventoryItem } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';
import { draftInput, draftProblem, EMPTY_ITEM_DRAFT, type NewItemDraft, NewItemFields } from './NewItemFields';

type Mode = 'stock' | 'new';

/** The API's fields this dialog shows on its own inputs. */
const INLINE_FIELDS = ['itemId', 'modelId', 'serial', 'macs', 'fieldValues', ...Array.from({ length: 16 }, (_, i) => `macs[${i}]`)];

const stockDetail = (item: InventoryItem): string =>
  [item.stockLocationName ? `At ${item.stockLocationName}` : null, ...item.macs.map((mac) => mac.mac)].filter(Boolean).join(' · ');

/** An item in stock, found by its serial or a MAC address. */
const StockItemPicker = ({
  value,
  onChange,
  error,
}: {
  value: InventoryItem | null;
  onChange: (item: InventoryItem | null) => void;
  error?: string;
}) => {
  const dataProvider = useBackhaulDataProvider();
  return (
    <SearchPicker<InventoryItem>
      label="Item in stock (serial or MAC address)"
      value={value}
      onChange={onChange}
      queryKey={['inventory-items', 'in-stock']}
      search={dataProvider.searchItemsInStock}
      optionLabel={itemLabel}
      optionDetail={stockDetail}
      noOptions={{ matching: 'No item in stock matches', none: 'Nothing is in stock' }}
      error={error}
      helperText={value ? stockDetail(value) : 'Type part of the serial number or a MAC address'}
    />
  );
};

/** "Assign Item": an item from stock goes to the account, or a new one is added straight at the account. */
export const AssignItemDialog = ({ account, onClose }: { account: { id: number; name: string }; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const [mode, setMode] = useState<Mode>('stock');
  const [item, setItem] = useState<InventoryItem | null>(null);
  const [draft, setDraft] = useState<NewItemDraft>(EMPTY_ITEM_DRAFT);

  const confirm = async () => {
    if (mode === 'stock') {
      const assigned = await dataProvider.assignItemToAccount(account.id, (item as InventoryItem).id);
      await changed();
      return `${itemLabel(assigned)} assigned to ${account.name}`;
    }
    const created = await dataProvider.createItem({ ...draftInput(draft), accountId: account.id });
    await changed();
    return `${itemLabel(created)} added to ${account.name}`;
  };

  return (
    <ActionDialog
      title="Assign item"
      confirmLabel={mode === 'stock' ? 'Assign item' : 'Add item'}
      onConfirm={confirm}
      onClose={onClose}
      disabled={mode === 'stock' ? item === null : draftProblem(draft) !== null}
      inlineFields={INLINE_FIELDS}
    >
      {(errors) => (
        <>
          <RadioGroup row aria-label="Which item" value={mode} onChange={(event) => setMode(event.target.value as Mode)}>
            <FormControlLabel value="stock" control={<Radio size="small" />} label="An item in stock" />
            <FormControlLabel value="new" control={<Radio size="small" />} label="Add new item" />
          </RadioGroup>
          {mode === 'stock' ? (
            <StockItemPicker value={item} onChange={setItem} error={errors.itemId} />
          ) : (
            <>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                The item is recorded as deployed at {account.name}, without passing through stock.
              </Typography>
              <NewItemFields draft={draft} onChange={setDraft} errors={errors} />
            </>
          )}
        </>
      )}
    </ActionDialog>
  );
};
