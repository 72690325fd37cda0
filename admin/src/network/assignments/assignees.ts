import type { AssigneeKind, InventoryItem, InventoryModel, IpAssignment, RadiusAccount, UninventoriedMac } from '../types';

/** Who holds an address, as the API takes it: the kind, and the id of the assignee when it is not the account. */
export interface AssigneeRef {
  assignee: AssigneeKind;
  radiusAccountId?: number;
  inventoryMacId?: number;
  uninventoriedMacId?: number;
}

/** One answer to "who holds the address?", as the API names it. */
export interface AssigneeChoice extends AssigneeRef {
  /** Unique among the choices: the kind, and the id of the assignee when it is not the account. */
  key: string;
  label: string;
  /** A second line in the list: the item a MAC belongs to, a MAC's description. */
  detail?: string;
}

export interface AssigneeGroup {
  title: string;
  choices: AssigneeChoice[];
}

/** What holding the address means for each kind of assignee, in a clerk's words. */
export const ASSIGNEE_EFFECTS: Record<AssigneeKind, string> = {
  account: 'Listed on the account only; no device is told about it.',
  radius_account: 'The RADIUS server hands it to this login when it connects.',
  inventory_mac: 'Reserved for the device on the DHCP servers of its subnet.',
  uninventoried_mac: 'Reserved for the MAC address on the DHCP servers of its subnet.',
};

export const isMacAssignee = (kind: AssigneeKind): boolean => kind === 'inventory_mac' || kind === 'uninventoried_mac';

export const assigneeKey = (holder: {
  assignee: AssigneeKind;
  radiusAccountId?: number | null;
  inventoryMacId?: number | null;
  uninventoriedMacId?: number | null;
}): string => {
  switch (holder.assignee) {
    case 'radius_account':
      return `radius_account:${holder.radiusAccountId}`;
    case 'inventory_mac':
      return `inventory_mac:${holder.inventoryMacId}`;
    case 'uninventoried_mac':
      return `uninventoried_mac:${holder.uninventoriedMacId}`;
    default:
      return 'account';
  }
};

/** "Ubiquiti LiteBeam 5AC · SN 123": an item as a clerk finds it on the shelf. */
export const itemLabel = (item: Pick<InventoryItem, 'manufacturerName' | 'modelName' | 'serial'>): string =>
  `${item.manufacturerName} ${item.modelName}${item.serial ? ` · SN ${item.serial}` : ''}`;

/** "Ubiquiti LiteBeam 5AC": a model with its maker. */
export const modelLabel = (model: Pick<InventoryModel, 'manufacturerName' | 'name'>): string => `${model.manufacturerName} ${model.name}`;

/**
 * Who on the account can hold an address, in the groups the picker shows: the account itself, its
 * RADIUS accounts, the MAC addresses of the items deployed there and its uninventoried MAC addresses.
 * Empty groups are left out.
 */
export const assigneeGroups = (
  accountName: string,
  radiusAccounts: RadiusAccount[],
  items: InventoryItem[],
  macs: UninventoriedMac[],
): AssigneeGroup[] =>
  [
    { title: 'The account', choices: [{ key: 'account', label: `${accountName} (the account itself)`, assignee: 'account' as const }] },
    {
      title: 'RADIUS accounts',
      choices: radiusAccounts.map((radius): AssigneeChoice => ({
        key: assigneeKey({ assignee: 'radius_account', radiusAccountId: radius.id }),
        label: `RADIUS account ${radius.username}`,
        assignee: 'radius_account',
        radiusAccountId: radius.id,
      })),
    },
    {
      title: "An item's MAC address",
      choices: items.flatMap((item) =>
        item.macs.map((mac): AssigneeChoice => ({
          key: assigneeKey({ assignee: 'inventory_mac', inventoryMacId: mac.id }),
          label: `Item MAC ${mac.mac}`,
          detail: itemLabel(item),
          assignee: 'inventory_mac',
          inventoryMacId: mac.id,
        })),
      ),
    },
    {
      title: 'An uninventoried MAC address',
      choices: macs.map((mac): AssigneeChoice => ({
        key: assigneeKey({ assignee: 'uninventoried_mac', uninventoriedMacId: mac.id }),
        label: `MAC ${mac.mac}`,
        detail: mac.description ?? undefined,
        assignee: 'uninventoried_mac',
        uninventoriedMacId: mac.id,
      })),
    },
  ].filter((group) => group.choices.length > 0);

/** The API's fields that name the assignee: a dialog shows their messages on its assignee picker. */
export const ASSIGNEE_FIELDS = ['assignee', 'radiusAccountId', 'inventoryMacId', 'uninventoriedMacId'] as const;

/** The API's message about the assignee, whichever of its fields it is on. */
export const assigneeError = (errors: Record<string, string>): string | undefined =>
  errors.radiusAccountId ?? errors.inventoryMacId ?? errors.uninventoriedMacId ?? errors.assignee;

/** The assignee as the API takes it in a create or a move. */
export const assigneeFields = (choice: AssigneeRef): Pick<IpAssignment, 'assignee'> & Omit<AssigneeRef, 'assignee'> => ({
  assignee: choice.assignee,
  ...(choice.radiusAccountId !== undefined ? { radiusAccountId: choice.radiusAccountId } : {}),
  ...(choice.inventoryMacId !== undefined ? { inventoryMacId: choice.inventoryMacId } : {}),
  ...(choice.uninventoriedMacId !== undefined ? { uninventoriedMacId: choice.uninventoriedMacId } : {}),
});
