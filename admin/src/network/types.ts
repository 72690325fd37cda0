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
