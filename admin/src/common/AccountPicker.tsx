import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import type { Account } from '../types';
import { accountOptionText } from './ReferenceSearchInput';

interface AccountPickerProps {
  label: string;
  value: Account | null;
  onChange: (account: Account | null) => void;
  /** An account not offered: the one things move away from. */
  exclude?: number | null;
  error?: string;
  helperText?: string;
}

/** Another account, found by its name or its id as the clerk types. */
export const AccountPicker = ({ label, value, onChange, exclude, error, helperText }: AccountPickerProps) => {
  const [search, setSearch] = useState(() => (value ? accountOptionText(value) : ''));
  const query = search.trim();
  const { data = [], isPending } = useGetList<Account>('accounts', {
    // A number is looked up as an account id as well as by name.
    filter: query ? { q: query } : {},
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
  });
  return (
    <Autocomplete
      options={data.filter((candidate) => candidate.id !== exclude)}
      loading={isPending}
      value={value}
      onChange={(_event, chosen) => onChange(chosen)}
      inputValue={search}
      onInputChange={(_event, text) => setSearch(text)}
      filterOptions={(candidates) => candidates}
      getOptionLabel={accountOptionText}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      renderInput={(params) => (
        <TextField {...params} label={label} margin="normal" error={Boolean(error)} helperText={error ?? helperText} />
      )}
    />
  );
};
