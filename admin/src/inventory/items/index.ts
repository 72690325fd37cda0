import ItemIcon from '@mui/icons-material/Inventory2';
import { ItemCreate, ItemEdit } from './ItemEdit';
import { ItemList } from './ItemList';

export const inventoryItems = {
  list: ItemList,
  create: ItemCreate,
  edit: ItemEdit,
  icon: ItemIcon,
  options: { label: 'Inventory items' },
  recordRepresentation: (item: { manufacturerName: string; modelName: string; serial: string | null }) =>
    `${item.manufacturerName} ${item.modelName}${item.serial ? ` ${item.serial}` : ''}`,
};
