import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useState } from 'react';
import { useGetList, useListContext } from 'react-admin';
import { JOB_STATUS_LABELS, toLocalInput } from './jobFormatting';
import { JOB_STATUSES, type JobType, type Technician } from './types';

type Mode = 'simple' | 'advanced';

/** The filters only the advanced panel shows; going back to simple drops them, so the list shows what the panel says. */
const ADVANCED_ONLY = ['technicianId', 'scheduledFrom', 'scheduledTo', 'ticketId', 'q'] as const;

type Filters = Record<string, unknown>;

const withValue = (filters: Filters, key: string, value: unknown): Filters => {
  const next = { ...filters };
  if (value === '' || value === null || value === undefined) delete next[key];
  else next[key] = value;
  return next;
};

/** datetime-local (browser time zone) → an instant with its offset, as the API's filters take it. */
const toInstant = (local: string): string | null => {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

const fromInstant = (value: unknown): string => (typeof value === 'string' && value ? toLocalInput(new Date(value)) : '');

/** The Jobs list's filters: simple (status and type) or advanced (also technician, when, ticket and words). */
export const JobFilters = () => {
  const { filterValues, setFilters } = useListContext();
  const filters = filterValues as Filters;
  const [mode, setMode] = useState<Mode>(() => (ADVANCED_ONLY.some((key) => key in filters) ? 'advanced' : 'simple'));
  const [text, setText] = useState(typeof filters.q === 'string' ? filters.q : '');
  const [ticket, setTicket] = useState(filters.ticketId === undefined ? '' : String(filters.ticketId));
  const [from, setFrom] = useState(fromInstant(filters.scheduledFrom));
  const [to, setTo] = useState(fromInstant(filters.scheduledTo));
  const { data: types = [] } = useGetList<JobType>('job-types', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  const { data: technicians = [] } = useGetList<Technician>('technicians', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });

  const set = (key: string, value: unknown, debounce = false) => setFilters(withValue(filters, key, value), {}, debounce);

  const changeMode = (next: Mode | null) => {
    if (!next) return;
    setMode(next);
    if (next === 'simple') {
      const kept = { ...filters };
      for (const key of ADVANCED_ONLY) delete kept[key];
      setText('');
      setTicket('');
      setFrom('');
      setTo('');
      setFilters(kept, {});
    }
  };

  return (
    <Stack direction="row" role="search" aria-label="Job filters" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={mode}
        onChange={(_event, next: Mode | null) => changeMode(next)}
        aria-label="Filter mode"
      >
        <ToggleButton value="simple">Simple</ToggleButton>
        <ToggleButton value="advanced">Advanced</ToggleButton>
      </ToggleButtonGroup>
      <TextField
        fullWidth={false}
        select
        size="small"
        label="Status"
        value={typeof filters.status === 'string' ? filters.status : ''}
        onChange={(event) => set('status', event.target.value)}
        sx={{ width: 170 }}
      >
        <MenuItem value="">Any status</MenuItem>
        {JOB_STATUSES.map((status) => (
          <MenuItem key={status} value={status}>
            {JOB_STATUS_LABELS[status]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        fullWidth={false}
        select
        size="small"
        label="Job type"
        value={filters.jobTypeId === undefined ? '' : String(filters.jobTypeId)}
        onChange={(event) => set('jobTypeId', event.target.value === '' ? '' : Number(event.target.value))}
        sx={{ width: 170 }}
      >
        <MenuItem value="">Any type</MenuItem>
        {types.map((type) => (
          <MenuItem key={type.id} value={String(type.id)}>
            {type.name}
          </MenuItem>
        ))}
      </TextField>
      {mode === 'advanced' ? (
        <>
          <TextField
            fullWidth={false}
            select
            size="small"
            label="Technician"
            value={filters.technicianId === undefined ? '' : String(filters.technicianId)}
            onChange={(event) => set('technicianId', event.target.value === '' ? '' : Number(event.target.value))}
            sx={{ width: 190 }}
          >
            <MenuItem value="">Anyone</MenuItem>
            {technicians.map((technician) => (
              <MenuItem key={technician.id} value={String(technician.id)}>
                {technician.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth={false}
            size="small"
            type="datetime-local"
            label="Scheduled from"
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
              set('scheduledFrom', toInstant(event.target.value), true);
            }}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 230 }}
          />
          <TextField
            fullWidth={false}
            size="small"
            type="datetime-local"
            label="Scheduled before"
            value={to}
            onChange={(event) => {
              setTo(event.target.value);
              set('scheduledTo', toInstant(event.target.value), true);
            }}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 230 }}
          />
          <TextField
            fullWidth={false}
            size="small"
            label="Ticket #"
            value={ticket}
            onChange={(event) => {
              const value = event.target.value.replace(/\D/g, '');
              setTicket(value);
              set('ticketId', value === '' ? '' : Number(value), true);
            }}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ width: 120 }}
          />
          <TextField
            fullWidth={false}
            size="small"
            label="Search"
            placeholder="Notes, type or job #"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              set('q', event.target.value.trim(), true);
            }}
            sx={{ width: 240 }}
          />
        </>
      ) : null}
    </Stack>
  );
};
