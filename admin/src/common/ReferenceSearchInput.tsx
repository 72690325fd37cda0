import { AutocompleteInput, type AutocompleteInputProps, ReferenceInput } from 'react-admin';
import type { Account } from '../types';
import { searchByName } from './searchByName';

export interface ReferenceSearchInputProps {
  source: string;
  /** The resource the record is picked from; it is searched with `q` as the clerk types. */
  reference: string;
  label: string;
  /** How an option reads; its name unless told otherwise. */
  optionText?: AutocompleteInputProps['optionText'];
  /** The field the options are sorted by, ascending. */
  sortField?: string;
  minWidth?: number;
  validate?: AutocompleteInputProps['validate'];
  disabled?: boolean;
  helperText?: AutocompleteInputProps['helperText'];
  /** Read by the list's filter form: shown without the filter button. */
  alwaysOn?: boolean;
}

/** A record of another resource, found by the words typed: a form's reference or a list's filter. */
export const ReferenceSearchInput = ({
  source,
  reference,
  label,
  optionText = 'name',
  sortField = 'name',
  minWidth,
  validate,
  disabled,
  helperText,
}: ReferenceSearchInputProps) => (
  <ReferenceInput source={source} reference={reference} sort={{ field: sortField, order: 'ASC' }}>
    <AutocompleteInput
      label={label}
      optionText={optionText}
      filterToQuery={searchByName}
      validate={validate}
      disabled={disabled}
      helperText={helperText}
      sx={minWidth ? { minWidth } : undefined}
    />
  </ReferenceInput>
);

/** "Harbor Cafe (#12)": an account as the pickers offer it. */
export const accountOptionText = (account: Pick<Account, 'id' | 'name'>): string => `${account.name} (#${account.id})`;
