import { AutocompleteInput, ReferenceInput } from 'react-admin';
import type { Account } from '../types';
import { searchByName } from './searchByName';

/** Narrows a list across accounts to one account, found by the accounts search. */
export const AccountFilterInput = ({ source = 'accountId' }: { source?: string; alwaysOn?: boolean }) => (
  <ReferenceInput source={source} reference="accounts" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput
      label="Account"
      optionText={(account: Account) => `${account.name} (#${account.id})`}
      filterToQuery={searchByName}
      sx={{ minWidth: 260 }}
    />
  </ReferenceInput>
);
