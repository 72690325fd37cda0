import type { Exporter } from 'react-admin';
import { downloadRows } from '../../correspondence/csv';
import type { InventoryItem } from '../../network/types';

/** The rows the list fetched for its filters: MAC addresses and field values joined in one cell each. */
export const itemsExporter: Exporter<InventoryItem> = (items) =>
  downloadRows(
    'inventory-items',
    [
      'id',
      'manufacturer',
      'model',
      'serial',
      'status',
      'account_id',
      'account',
      'stock_location',
      'macs',
      'ip_addresses',
      'fields',
      'notes',
      'updated_at',
    ],
    items.map((item) => [
      item.id,
      item.manufacturerName,
      item.modelName,
      item.serial,
      item.status,
      item.accountId,
      item.accountName,
      item.stockLocationName,
      item.macs.map((mac) => mac.mac).join(' '),
      item.macs.flatMap((mac) => mac.ipAddresses).join(' '),
      item.fieldValues.map((value) => `${value.name}: ${value.value}`).join('; '),
      item.notes,
      item.updatedAt,
    ]),
  );
