import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useListContext } from 'react-admin';
import type { DidHolding } from './types';
import { DIRECTION_LABELS, formatPhoneNumber } from './voiceFormatting';

type Filters = Record<string, unknown>;

const withValue = (filters: Filters, key: string, value: unknown): Filters => {
  const next = { ...filters };
  if (value === '' || value === null || value === undefined) delete next[key];
  else next[key] = value;
  return next;
};

/** The call list's filters: days (the billing time zone's), direction, the account's number, and digits of either end. */
export const CallFilters = ({ numbers }: { numbers: DidHolding[] }) => {
  const { filterValues, setFilters } = useListContext();
  const filters = filterValues as Filters;
  const [digits, setDigits] = useState(typeof filters.q === 'string' ? filters.q : '');
  const set = (key: string, value: unknown, debounce = false) => setFilters(withValue(filters, key, value), {}, debounce);
  const distinctNumbers = [...new Map(numbers.map((h) => [h.didId, h])).values()];

  return (
    <Stack direction="row" role="search" aria-label="Call filters" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField
        size="small"
        type="date"
        label="From"
        fullWidth={false}
        sx={{ width: 170 }}
        value={typeof filters.from === 'string' ? filters.from : ''}
        onChange={(event) => set('from', event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        size="small"
        type="date"
        label="To"
        fullWidth={false}
        sx={{ width: 170 }}
        value={typeof filters.to === 'string' ? filters.to : ''}
        onChange={(event) => set('to', event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        select
        size="small"
        label="Direction"
        fullWidth={false}
        value={typeof filters.direction === 'string' ? filters.direction : ''}
        onChange={(event) => set('direction', event.target.value)}
        sx={{ minWidth: 140 }}
      >
        <MenuItem value="">Both</MenuItem>
        {Object.entries(DIRECTION_LABELS).map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label="DID"
        fullWidth={false}
        value={typeof filters.didId === 'number' ? filters.didId : ''}
        onChange={(event) => set('didId', event.target.value === '' ? '' : Number(event.target.value))}
        sx={{ minWidth: 180 }}
      >
        <MenuItem value="">All numbers</MenuItem>
        {distinctNumbers.map((h) => (
          <MenuItem key={h.didId} value={h.didId}>
            {formatPhoneNumber(h.number)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        label="Number contains"
        fullWidth={false}
        sx={{ width: 230 }}
        value={digits}
        onChange={(event) => {
          const next = event.target.value.replace(/\D/g, '').slice(0, 15);
          setDigits(next);
          set('q', next, true);
        }}
        slotProps={{ htmlInput: { inputMode: 'numeric', title: 'Digits of the caller or the called number' } }}
      />
    </Stack>
  );
};
