import type { AssigneeKind, IpAssignment, RadiusAccount } from '../types';

/** One answer to "who holds the address?", as the API names it. */
export interface AssigneeChoice {
  /** Unique among the choices: the kind, and the id of the assignee when it is not the account. */
  key: string;
  label: string;
  assignee: AssigneeKind;
  radiusAccountId?: number;
}

/** What holding the address means for each kind of assignee, in a clerk's words. */
export const ASSIGNEE_EFFECTS: Record<AssigneeKind, string> = {
  account: 'Listed on the account only; no device is told about it.',
  radius_account: 'The RADIUS server hands it to this login when it connects.',
  inventory_mac: 'Reserved for the device on the DHCP servers of its subnet.',
  uninventoried_mac: 'Reserved for the MAC address on the DHCP servers of its subnet.',
};

export const assigneeKey = (holder: { assignee: AssigneeKind; radiusAccountId?: number | null }): string =>
  holder.assignee === 'radius_account' ? `radius_account:${holder.radiusAccountId}` : holder.assignee;

/**
 * Who on the account can hold an address, in the order the picker lists them. The inventory's
 * devices and MAC addresses are one more source each here once the inventory exists (the API
 * refuses those kinds until then).
 */
export const assigneeChoices = (accountName: string, radiusAccounts: RadiusAccount[]): AssigneeChoice[] => [
  { key: 'account', label: `${accountName} (the account itself)`, assignee: 'account' },
  ...radiusAccounts.map((radius): AssigneeChoice => ({
    key: assigneeKey({ assignee: 'radius_account', radiusAccountId: radius.id }),
    label: `RADIUS account ${radius.username}`,
    assignee: 'radius_account',
    radiusAccountId: radius.id,
  })),
];

/** The assignee as the API takes it in a create or a move. */
export const assigneeFields = (choice: AssigneeChoice): Pick<IpAssignment, 'assignee'> & { radiusAccountId?: number } => ({
  assignee: choice.assignee,
  ...(choice.radiusAccountId !== undefined ? { radiusAccountId: choice.radiusAccountId } : {}),
});
