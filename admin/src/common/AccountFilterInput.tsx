import { accountOptionText, ReferenceSearchInput } from './ReferenceSearchInput';

/** Narrows a list across accounts to one account, found by the accounts search. */
export const AccountFilterInput = ({ source = 'accountId' }: { source?: string; alwaysOn?: boolean }) => (
  <ReferenceSearchInput source={source} reference="accounts" label="Account" optionText={accountOptionText} minWidth={260} />
);
