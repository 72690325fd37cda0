import Box from '@mui/material/Box';
import { FunctionField, SelectInput } from 'react-admin';
import { Link } from 'react-router-dom';
import { accountTabPath } from '../../accounts/accountTabPath';
import { formatDateTime } from '../../accounts/formatting';
import { AccountFilterInput, Caption, ReferenceSearchInput, SettingsList } from '../../common';
import { modelLabel } from '../../network/assignments/assignees';
import { ItemFieldValues, ItemMacs, ItemModel, ItemSerial } from '../../network/inventory/itemCells';
import { ITEM_STATUS_CHOICES, ItemStatusChip } from '../../network/inventory/itemStatus';
import type { InventoryItem } from '../../network/types';
import { Permissions } from '../../permissions';
import { itemsExporter } from './itemExporter';

const filters = [
  <ReferenceSearchInput
    key="modelId"
    source="modelId"
    reference="inventory-models"
    label="Model"
    optionText={modelLabel}
    minWidth={200}
    alwaysOn
  />,
  <SelectInput key="status" source="status" label="Status" choices={ITEM_STATUS_CHOICES} alwaysOn />,
  <ReferenceSearchInput
    key="stockLocationId"
    source="stockLocationId"
    reference="stock-locations"
    label="Stock location"
    minWidth={180}
    alwaysOn
  />,
  <AccountFilterInput key="accountId" source="accountId" />,
];

/** Where the item is: the account it is deployed at (a link to its inventory) or the stock location. */
const Holder = ({ item }: { item: InventoryItem }) =>
  item.accountId !== null ? (
    <Link to={accountTabPath(item.accountId, 'network/inventory-items')} onClick={(event) => event.stopPropagation()}>
      {item.accountName ?? `Account #${item.accountId}`}
    </Link>
  ) : (
    <>
      <Box component="span">{item.stockLocationName}</Box>
      <Caption>Stock location</Caption>
    </>
  );

/** Every item of the inventory, in stock or deployed; searchable by serial or MAC address, exportable as CSV. */
export const ItemList = () => (
  <SettingsList<InventoryItem>
    title="Inventory items"
    permission={Permissions.NetworkManage}
    search="Serial or MAC address"
    filters={filters}
    sort={{ field: 'updatedAt', order: 'DESC' }}
    exporter={itemsExporter}
  >
    <FunctionField<InventoryItem> source="id" label="ID" render={(item) => item.id} />
    <FunctionField<InventoryItem> source="model" label="Model" render={(item) => <ItemModel item={item} />} />
    <FunctionField<InventoryItem> source="serial" label="Serial" render={(item) => <ItemSerial item={item} />} />
    <FunctionField<InventoryItem> label="MAC addresses" sortable={false} render={(item) => <ItemMacs item={item} />} />
    <FunctionField<InventoryItem> source="status" label="Status" render={(item) => <ItemStatusChip status={item.status} />} />
    <FunctionField<InventoryItem> label="Fields" sortable={false} render={(item) => <ItemFieldValues item={item} />} />
    <FunctionField<InventoryItem> label="Held by" sortable={false} render={(item) => <Holder item={item} />} />
    <FunctionField<InventoryItem>
      source="updatedAt"
      label="Updated"
      render={(item) => (
        <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(item.updatedAt)}
        </Box>
      )}
    />
  </SettingsList>
);
