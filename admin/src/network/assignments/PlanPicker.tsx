import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

interface PlanPickerProps<T extends { id: number }> {
  label: string;
  value: T | null;
  onChange: (value: T | null) => void;
  /** The plan's records matching the words typed (all of them, a page's worth, for none). */
  search: (q: string) => Promise<T[]>;
  /** The resource the records come from: its key root, so a change to the plan refreshes the options. */
  resource: 'ip-pools' | 'ip-subnets';
  optionLabel: (option: T) => string;
  /** A second line under the option: its range, how full it is. */
  optionDetail: (option: T) => ReactNode;
  /** Why the option cannot be taken, if it cannot. */
  unavailable?: (option: T) => string | null;
  error?: string;
  helperText?: string;
}

/** A pool or a subnet of the address plan, found by its name or network. */
export const PlanPicker = <T extends { id: number }>({
  label,
  value,
  onChange,
  search,
  resource,
  optionLabel,
  optionDetail,
  unavailable = () => null,
  error,
  helperText,
}: PlanPickerProps<T>) => {
  const [input, setInput] = useState('');
  const q = value && input === optionLabel(value) ? '' : input.trim();
  const { data = [], isFetching } = useQuery({
    queryKey: [resource, 'picker', q],
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
      noOptionsText={q ? 'Nothing matches' : 'None defined yet'}
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2">{optionLabel(option)}</Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {unavailable(option) ?? optionDetail(option)}
            </Typography>
          </Box>
        </li>
      )}
      renderInput={(params) => (
        <TextField {...params} label={label} margin="normal" error={Boolean(error)} helperText={error ?? helperText ?? ' '} />
      )}
    />
  );
};
