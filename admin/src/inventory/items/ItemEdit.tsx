import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import Button from '@mui/material/Button';
import { useCallback, useRef, useState } from 'react';
import { Create, Edit, SaveButton, SimpleForm, Toolbar, TopToolbar, useRecordContext } from 'react-admin';
import { ChangeItemHolderDialog } from '../../network/inventory/ChangeItemHolderDialog';
import type { InventoryItem, InventoryModel } from '../../network/types';
import { Permissions, useHasPermission } from '../../permissions';
import { toItemCreate, toItemUpdate } from '../payloads';
import { ItemCreateInputs, ItemEditInputs } from './ItemInputs';

/** The model the form shows, kept for the transform: the field values are sent for its fields only. */
const useModelRef = () => {
  const model = useRef<InventoryModel | undefined>(undefined);
  const onModel = useCallback((next: InventoryModel | undefined) => {
    model.current = next;
  }, []);
  return { model, onModel };
};

export const ItemCreate = () => {
  const { model, onModel } = useModelRef();
  return (
    <Create redirect="list" transform={(data: Record<string, unknown>) => toItemCreate(data, model.current)}>
      <SimpleForm defaultValues={{ holder: 'stock' }}>
        <ItemCreateInputs onModel={onModel} />
      </SimpleForm>
    </Create>
  );
};

/** Another account or a stock location, from the item's page. */
const ChangeHolderButton = () => {
  const item = useRecordContext<InventoryItem>();
  const [open, setOpen] = useState(false);
  if (!item) return null;
  return (
    <>
      <Button size="small" startIcon={<SwapHorizIcon />} onClick={() => setOpen(true)}>
        Change assignee
      </Button>
      {open ? <ChangeItemHolderDialog item={item} onClose={() => setOpen(false)} /> : null}
    </>
  );
};

const ItemEditActions = () => {
  const canManage = useHasPermission(Permissions.NetworkManage);
  return <TopToolbar>{canManage ? <ChangeHolderButton /> : null}</TopToolbar>;
};

/** No Delete: an item is never deleted (its history points at it); it is retired instead. */
export const ItemEdit = () => {
  const { model, onModel } = useModelRef();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="list"
      actions={<ItemEditActions />}
      transform={(data: Record<string, unknown>) => toItemUpdate(data, model.current)}
    >
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <ItemEditInputs onModel={onModel} />
      </SimpleForm>
    </Edit>
  );
};
