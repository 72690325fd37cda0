import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

export interface SearchPickerProps<T extends { id: number }> {
  label: string;
  value: T | null;
  onChange: (value: T | null) => void;
  /** The query's key, its first part the resource, so a change there refreshes the options; the words typed are added. */
  queryKey: readonly unknown[];
  /** The records matching the words typed (a page's worth of all of them, for none). */
  search: (q: string) => Promise<T[]>;
  optionLabel: (option: T) => string;
  /** A second line under the option: its range, how full it is, where it is kept. */
  optionDetail: (option: T) => ReactNode;
  /** Why the option cannot be taken, if it cannot. */
  unavailable?: (option: T) => string | null;
  /** What the list says when it is empty: with words typed, and without any. */
  noOptions: { matching: string; none: string };
  required?: boolean;
  error?: string;
  helperText?: string;
}

/**
 * One record found by the words typed, searched on the server as the clerk types; the text of the
 * chosen option is not searched for again.
 */
export const SearchPicker = <T extends { id: number }>({
  label,
  value,
  onChange,
  queryKey,
  search,
  optionLabel,
  optionDetail,
  unavailable = () => null,
  noOptions,
  required,
  error,
  helperText,
}: SearchPickerProps<T>) => {
  const [input, setInput] = useState('');
  const q = value && input === optionLabel(value) ? '' : input.trim();
  const { data = [], isFetching } = useQuery({
    queryKey: [...queryKey, q],
    queryFn: () => search(q),
    placeholderData: keepPreviousData,
  });
  return (
    <Autocomplete<T, false, false, false>
      options={data}
      loading={isFetching}
      value={value}
      onChange={(_event, option) => onChange(option)}
      inputValue={input}
      onInputChange={(_event, text) => setInput(text)}
      filterOptions={(options) => options}
      getOptionLabel={optionLabel}
      getOptionDisabled={(option) => unavailable(option) !== null}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      noOptionsText={q ? noOptions.matching : noOptions.none}
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2">{optionLabel(option)}</Typography>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
              {unavailable(option) ?? optionDetail(option)}
            </Typography>
          </Box>
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          margin="normal"
          error={Boolean(error)}
          helperText={error ?? helperText ?? ' '}
        />
      )}
    />
  );
};
