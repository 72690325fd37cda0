import Chip from '@mui/material/Chip';
import { ITEM_STATUSES, type ItemStatus } from '../types';

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  in_stock: 'In stock',
  deployed: 'Deployed',
  faulty: 'Faulty',
  retired: 'Retired',
};

const COLORS: Record<ItemStatus, 'default' | 'success' | 'warning' | 'info'> = {
  in_stock: 'info',
  deployed: 'success',
  faulty: 'warning',
  retired: 'default',
};

export const ITEM_STATUS_CHOICES = ITEM_STATUSES.map((status) => ({ id: status, name: ITEM_STATUS_LABELS[status] }));

export const ItemStatusChip = ({ status }: { status: ItemStatus }) => (
  <Chip size="small" variant="outlined" color={COLORS[status]} label={ITEM_STATUS_LABELS[status]} />
);

/**
 * The statuses an item can be given where it is: deployed only at an account and in stock only at a
 * stock location (a move to another holder changes those); faulty and retired anywhere.
 */
export const statusChoicesFor = (item: { accountId: number | null }) =>
  ITEM_STATUS_CHOICES.filter((choice) => choice.id !== (item.accountId === null ? 'deployed' : 'in_stock'));
