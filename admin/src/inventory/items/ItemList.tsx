import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, Datagrid, FunctionField, List, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { Link } from 'react-router-dom';
import { accountTabPath } from '../../accounts/accountTabPath';
import { formatDateTime } from '../../accounts/formatting';
import { AccountFilterInput, searchByName, SettingsListActions } from '../../common';
import { ItemFieldValues, ItemMacs } from '../../network/inventory/itemCells';
import { ITEM_STATUS_CHOICES, ItemStatusChip } from '../../network/inventory/itemStatus';
import type { InventoryItem, InventoryModel } from '../../network/types';
import { Permissions, useHasPermission } from '../../permissions';
import { itemsExporter } from './itemExporter';

export const modelOptionText = (model: InventoryModel) => `${model.manufacturerName} ${model.name}`;

const filters = [
  <SearchInput key="q" source="q" placeholder="Serial or MAC address" alwaysOn />,
  <ReferenceInput key="modelId" source="modelId" reference="inventory-models" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Model" optionText={modelOptionText} filterToQuery={searchByName} sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" label="Status" choices={ITEM_STATUS_CHOICES} alwaysOn />,
  <ReferenceInput
    key="stockLocationId"
    source="stockLocationId"
    reference="stock-locations"
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn
  >
    <AutocompleteInput label="Stock location" optionText="name" filterToQuery={searchByName} sx={{ minWidth: 180 }} />
  </ReferenceInput>,
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
      <Typography variant="caption" color="text.secondary" component="div">
        Stock location
      </Typography>
    </>
  );

/** Every item of the inventory, in stock or deployed; searchable by serial or MAC address, exportable as CSV. */
export const ItemList = () => {
  const canManage = useHasPermission(Permissions.NetworkManage);
  return (
    <List
      title="Inventory items"
      filters={filters}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      perPage={25}
      actions={<SettingsListActions permission={Permissions.NetworkManage} filterButton exportButton />}
      exporter={itemsExporter}
    >
      <Datagrid bulkActionButtons={false} rowClick={canManage ? 'edit' : false}>
        <FunctionField<InventoryItem> source="id" label="ID" render={(item) => item.id} />
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
          render={(item) => (
            <Box component="span" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
              {item.serial}
            </Box>
          )}
        />
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
      </Datagrid>
    </List>
  );
};
