import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** GET /api/address-lists: never the fetch key, which Backhaul keeps only as its hash. */
export type AddressList = Schemas['AddressListResponseDto'];
/** POST /api/address-lists: the list and, this once, its fetch key. */
export type AddressListCreated = Schemas['AddressListCreatedDto'];
export type ListAccounts = AddressList['accounts'];
export type ListFormat = 'plain' | 'routeros';

/** Whose addresses a list holds, as the form and the list say it. */
export const LIST_ACCOUNTS_LABELS: Record<ListAccounts, string> = {
  all: 'Every account',
  delinquent: 'Accounts in a delinquency status',
  not_delinquent: 'Accounts not in a delinquency status',
  statuses: 'Accounts in the statuses chosen',
};

export const LIST_ACCOUNTS_CHOICES = (Object.keys(LIST_ACCOUNTS_LABELS) as ListAccounts[]).map((id) => ({
  id,
  name: LIST_ACCOUNTS_LABELS[id],
}));
