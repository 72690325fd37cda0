import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** GET /api/accounts/:id/ip-assignments and /api/ip-assignments/:id. */
export type IpAssignment = Schemas['IpAssignmentResponseDto'];
export type IpAssignmentInput = Schemas['CreateIpAssignmentDto'];
export type IpAssignmentChange = Schemas['UpdateIpAssignmentDto'];
/** Who holds an address: the account, one of its RADIUS accounts, later a MAC address of the inventory. */
export type AssigneeKind = IpAssignment['assignee'];

/** GET /api/accounts/:id/radius-accounts: never the password. */
export type RadiusAccount = Schemas['RadiusAccountResponseDto'];
export type RadiusAccountInput = Schemas['CreateRadiusAccountDto'];
export type RadiusAccountChange = Schemas['UpdateRadiusAccountDto'];

/** The address plan: supernets hold subnets, subnets hold pools. */
export type Supernet = Schemas['SupernetResponseDto'];
export type Subnet = Schemas['SubnetResponseDto'];
export type Pool = Schemas['PoolResponseDto'];
export type IpUsage = Schemas['IpUsageDto'];
/** POST /api/ip-pools/:id/next-free-address: the address kept for the clerk until heldUntil. */
export type HeldAddress = Schemas['NextFreeAddressResponseDto'];

/** GET /api/nas-devices: never the shared secret. */
export type NasDevice = Schemas['NasDeviceResponseDto'];
export type NasType = NasDevice['nasType'];
export const NAS_TYPES = ['other', 'mikrotik', 'cisco', 'juniper', 'ubiquiti', 'cambium'] as const satisfies readonly NasType[];

/** The inventory's catalogue: manufacturers, their models (with fields of their own) and where stock is kept. */
export type Manufacturer = Schemas['ManufacturerResponseDto'];
export type InventoryModel = Schemas['ModelResponseDto'];
export type ModelField = Schemas['ModelFieldResponseDto'];
export type StockLocation = Schemas['StockLocationResponseDto'];

/** GET /api/inventory-items: one unit, with its MAC addresses (and the addresses each holds) and its field values. */
export type InventoryItem = Schemas['ItemResponseDto'];
export type ItemMac = Schemas['ItemMacResponseDto'];
export type ItemStatus = InventoryItem['status'];
export type InventoryItemInput = Schemas['CreateItemDto'];
export type InventoryItemChange = Schemas['UpdateItemDto'];
/** Who has an item: an account (deployed there) or a stock location; exactly one. */
export type ItemHolder = Schemas['ItemAssigneeDto'];
export type ConnectedDevice = Schemas['ConnectedDeviceResponseDto'];
export const ITEM_STATUSES = ['in_stock', 'deployed', 'faulty', 'retired'] as const satisfies readonly ItemStatus[];

/** GET /api/accounts/:id/uninventoried-macs: a MAC address kept on the account without an item. */
export type UninventoriedMac = Schemas['UninventoriedMacResponseDto'];
export type UninventoriedMacInput = Schemas['CreateUninventoriedMacDto'];

/** GET /api/dhcp-servers: never the host database's login. */
export type DhcpServer = Schemas['DhcpServerResponseDto'];
