import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Datagrid, FunctionField, List } from 'react-admin';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { type RowAction, RowActionsMenu } from '../../common';
import { Permissions, useHasPermission } from '../../permissions';
import { AssignIpDialog } from '../assignments/AssignIpDialog';
import { type AssignmentAction, AssignmentDialogs } from '../assignments/AssignmentDialogs';
import type { InventoryItem, IpAssignment, ItemMac } from '../types';
import { AssignItemDialog } from './AssignItemDialog';
import { ChangeItemHolderDialog } from './ChangeItemHolderDialog';
import { EditFieldValuesDialog } from './EditFieldValuesDialog';
import { ItemDetail } from './ItemDetail';
import { ItemFieldValues, ItemMacs } from './itemCells';
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
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            Inventory items
          </Typography>
          {canManage ? (
            <Button size="small" variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ action: 'add' })}>
              Assign Item
            </Button>
          ) : null}
        </Stack>
        <List<InventoryItem>
          resource="inventory-items"
          filter={{ accountId: account.id }}
          sort={{ field: 'model', order: 'ASC' }}
          perPage={25}
          disableSyncWithLocation
          storeKey={false}
          exporter={false}
          actions={false}
          title={false}
          empty={false}
        >
          <Datagrid
            bulkActionButtons={false}
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
            aria-label="Inventory items"
            empty={
              <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
                No items are deployed at this account.
              </Typography>
            }
          >
            <FunctionField<InventoryItem>
              source="model"
              label="Model"
              render={(item) => (
                <>
                  <Box component="span">{item.modelName}</Box>
                  <Typography variant="caption" color="text.secondary" component="div">
                    {item.manufacturerName}
                  </Typography>
                </>
              )}
            />
            <FunctionField<InventoryItem>
              source="serial"
              label="Serial"
              render={(item) =>
                item.serial ? (
                  <Box component="span" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                    {item.serial}
                  </Box>
                ) : (
                  <Typography variant="body2" color="text.secondary" component="span">
                    None
                  </Typography>
                )
              }
            />
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
          </Datagrid>
        </List>
      </CardContent>
      {dialog?.action === 'add' ? <AssignItemDialog account={account} onClose={close} /> : null}
      {dialog?.action === 'holder' ? <ChangeItemHolderDialog item={dialog.item} onClose={close} /> : null}
      {dialog?.action === 'fields' ? <EditFieldValuesDialog item={dialog.item} onClose={close} /> : null}
      {dialog?.action === 'assign' ? (
        <AssignIpDialog account={account} assignee={{ assignee: 'inventory_mac', inventoryMacId: dialog.mac.id }} onClose={close} />
      ) : null}
      <AssignmentDialogs account={account} state={assignment} onClose={() => setAssignment(null)} />
    </Card>
  );
};
