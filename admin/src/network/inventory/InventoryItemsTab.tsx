import { useState } from 'react';
import { FunctionField } from 'react-admin';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { NoneText, type RowAction, RowActionsMenu } from '../../common';
import { Permissions, useHasPermission } from '../../permissions';
import { AssignIpDialog } from '../assignments/AssignIpDialog';
import { type AssignmentAction, AssignmentDialogs } from '../assignments/AssignmentDialogs';
import { AddButton, SubTabCard } from '../common/SubTabCard';
import { SubTabList } from '../common/SubTabList';
import type { InventoryItem, IpAssignment, ItemMac } from '../types';
import { AssignItemDialog } from './AssignItemDialog';
import { ChangeItemHolderDialog } from './ChangeItemHolderDialog';
import { EditFieldValuesDialog } from './EditFieldValuesDialog';
import { ItemDetail } from './ItemDetail';
import { ItemFieldValues, ItemMacs, ItemModel, ItemSerial } from './itemCells';
import { ItemStatusChip } from './itemStatus';

type ItemAction = 'holder' | 'fields' | `assign:${number}`;

const rowActions = (item: InventoryItem): RowAction<ItemAction>[] => [
  { action: 'holder', label: 'Change assignee' },
  { action: 'fields', label: 'Edit field values' },
  ...item.macs.map((mac): RowAction<ItemAction> => ({ action: `assign:${mac.id}`, label: `Assign IP to ${mac.mac}` })),
];

type DialogState =
  { action: 'add' } | { action: 'holder' | 'fields'; item: InventoryItem } | { action: 'assign'; item: InventoryItem; mac: ItemMac } | null;

/**
 * Network & Inventory › Inventory Items: the equipment deployed at the account, each with its MAC
 * addresses and the IP addresses they hold; a row opens its assignments MAC by MAC and the devices
 * seen behind it.
 */
export const InventoryItemsTab = ({ account }: AccountTabProps) => {
  const canManage = useHasPermission(Permissions.NetworkManage);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [assignment, setAssignment] = useState<{ action: AssignmentAction; assignment: IpAssignment } | null>(null);
  const close = () => setDialog(null);

  const onAction = (action: ItemAction, item: InventoryItem) => {
    if (action === 'holder' || action === 'fields') return setDialog({ action, item });
    const mac = item.macs.find((m) => `assign:${m.id}` === action);
    if (mac) setDialog({ action: 'assign', item, mac });
  };

  return (
    <SubTabCard
      title="Inventory items"
      actions={canManage ? <AddButton label="Assign Item" onClick={() => setDialog({ action: 'add' })} /> : null}
    >
      <SubTabList<InventoryItem>
        resource="inventory-items"
        filter={{ accountId: account.id }}
        sort={{ field: 'model', order: 'ASC' }}
        label="Inventory items"
        none="No items are deployed at this account."
        rowClick="expand"
        expand={
          <ItemDetail
            accountId={account.id}
            canManage={canManage}
            actions={{
              onAssign: (item, mac) => setDialog({ action: 'assign', item, mac }),
              onAssignment: (action, chosen) => setAssignment({ action, assignment: chosen }),
            }}
          />
        }
      >
        <FunctionField<InventoryItem> source="model" label="Model" render={(item) => <ItemModel item={item} />} />
        <FunctionField<InventoryItem> source="serial" label="Serial" render={(item) => <ItemSerial item={item} none={<NoneText />} />} />
        <FunctionField<InventoryItem> label="MAC addresses" sortable={false} render={(item) => <ItemMacs item={item} />} />
        <FunctionField<InventoryItem> source="status" label="Status" render={(item) => <ItemStatusChip status={item.status} />} />
        <FunctionField<InventoryItem> label="Fields" sortable={false} render={(item) => <ItemFieldValues item={item} />} />
        {canManage ? (
          <FunctionField<InventoryItem>
            label="Actions"
            textAlign="right"
            render={(item) => (
              <RowActionsMenu
                label={`Actions for ${item.modelName}${item.serial ? ` ${item.serial}` : ''}`}
                items={rowActions(item)}
                onAction={(action) => onAction(action, item)}
              />
            )}
          />
        ) : null}
      </SubTabList>
      {dialog?.action === 'add' ? <AssignItemDialog account={account} onClose={close} /> : null}
      {dialog?.action === 'holder' ? <ChangeItemHolderDialog item={dialog.item} onClose={close} /> : null}
      {dialog?.action === 'fields' ? <EditFieldValuesDialog item={dialog.item} onClose={close} /> : null}
      {dialog?.action === 'assign' ? (
        <AssignIpDialog account={account} assignee={{ assignee: 'inventory_mac', inventoryMacId: dialog.mac.id }} onClose={close} />
      ) : null}
      <AssignmentDialogs account={account} state={assignment} onClose={() => setAssignment(null)} />
    </SubTabCard>
  );
};
