import type { DataProvider } from 'react-admin';
import type { InventoryItem, InventoryModel, IpAssignment } from '../network/types';
import { answer, api, type Schemas } from './apiClient';

const id = (value: number) => ({ params: { path: { id: value } } });

/** The account's inventory items and uninventoried MAC addresses, for the Network & Inventory tab and the Assign IP dialog. */
export const inventoryMethods = (rest: DataProvider) => ({
  /** Every item deployed at (or otherwise held by) the account, by model. */
  listAccountItems: async (accountId: number): Promise<InventoryItem[]> =>
    (
      await rest.getList<InventoryItem>('inventory-items', {
        filter: { accountId },
        sort: { field: 'model', order: 'ASC' },
        pagination: { page: 1, perPage: 1000 },
      })
    ).data,

  /** Items in stock whose serial or MAC address holds the words typed, for "Assign Item". */
  searchItemsInStock: async (q: string): Promise<InventoryItem[]> =>
    (
      await rest.getList<InventoryItem>('inventory-items', {
        filter: { status: 'in_stock', ...(q.trim() ? { q: q.trim() } : {}) },
        sort: { field: 'model', order: 'ASC' },
        pagination: { page: 1, perPage: 50 },
      })
    ).data,

  /** Models whose name holds the words typed, for a new item's model. */
  searchModels: async (q: string): Promise<InventoryModel[]> =>
    (
      await rest.getList<InventoryModel>('inventory-models', {
        filter: q.trim() ? { q: q.trim() } : {},
        sort: { field: 'name', order: 'ASC' },
        pagination: { page: 1, perPage: 50 },
      })
    ).data,

  /** "Assign Item": an item from stock goes to the account. */
  assignItemToAccount: (accountId: number, itemId: number) =>
    answer(api.POST('/api/accounts/{id}/inventory-items', { ...id(accountId), body: { itemId } })),

  /** A new item, made straight at a stock location or an account. */
  createItem: (input: Schemas['CreateItemDto']) => answer(api.POST('/api/inventory-items', { body: input })),

  changeItem: (itemId: number, change: Schemas['UpdateItemDto']) =>
    answer(api.PATCH('/api/inventory-items/{id}', { ...id(itemId), body: change })),

  /** Another account or a stock location; refused (409) while its MACs hold addresses and it would leave its account. */
  changeItemHolder: (itemId: number, holder: Schemas['ItemAssigneeDto']) =>
    answer(api.POST('/api/inventory-items/{id}/assignee', { ...id(itemId), body: holder })),

  getInventoryModel: (modelId: number) => answer(api.GET('/api/inventory-models/{id}', id(modelId))),

  listConnectedDevices: (itemId: number) => answer(api.GET('/api/inventory-items/{id}/connected-devices', id(itemId))),

  /** A MAC address seen behind the item; answers the whole list again. */
  recordConnectedDevice: (itemId: number, mac: string) =>
    answer(api.POST('/api/inventory-items/{id}/connected-devices', { ...id(itemId), body: { mac } })),

  listUninventoriedMacs: (accountId: number) => answer(api.GET('/api/accounts/{id}/uninventoried-macs', id(accountId))),

  /** With a pool or an address, an address is assigned to it in the same request. */
  createUninventoriedMac: (accountId: number, input: Schemas['CreateUninventoriedMacDto']) =>
    answer(api.POST('/api/accounts/{id}/uninventoried-macs', { ...id(accountId), body: input })),

  /** Removes its addresses with it. */
  deleteUninventoriedMac: (macId: number) => answer(api.DELETE('/api/uninventoried-macs/{id}', id(macId))),

  /**
   * The account's active assignments held by MAC addresses of one kind, in one call for all its
   * MACs: the caller picks a MAC's own by inventoryMacId or uninventoriedMacId.
   */
  listMacAssignments: async (accountId: number, kind: 'inventory_mac' | 'uninventoried_mac'): Promise<IpAssignment[]> =>
    (
      await rest.getList<IpAssignment>(`accounts/${accountId}/ip-assignments`, {
        filter: { active: true, assignee: kind },
        sort: { field: 'address', order: 'ASC' },
        pagination: { page: 1, perPage: 1000 },
      })
    ).data,
});
