import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { type BusinessHours, type BusinessHoursInterval, WEEKDAY_NAMES } from './types';

interface Props {
  hours: BusinessHours;
  canEdit: boolean;
  onSaved: () => void;
}

/** The week, one row per day with its open intervals; a day without intervals is closed. */
export const BusinessHoursForm = ({ hours, canEdit, onSaved }: Props) => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [draft, setDraft] = useState<BusinessHoursInterval[]>(hours.hours);
  const [saving, setSaving] = useState(false);

  const change = (index: number, field: 'opens' | 'closes', value: string) =>
    setDraft((all) => all.map((interval, i) => (i === index ? { ...interval, [field]: value } : interval)));
  const remove = (index: number) => setDraft((all) => all.filter((_, i) => i !== index));
  const add = (weekday: number) => setDraft((all) => [...all, { weekday, opens: '09:00', closes: '17:00' }]);

  const save = async () => {
    setSaving(true);
    try {
      await dataProvider.update('ticket-business-hours', {
        id: 'week',
        data: { hours: draft.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })) },
        previousData: hours,
      });
      notify('Business hours saved; open tickets get their deadlines worked out again', { type: 'success' });
      onSaved();
    } catch (err) {
      notify(err instanceof Error ? err.message : 'The business hours were not saved', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Times are in {hours.timeZone}.{' '}
        {draft.length === 0 ? 'No hours are set, so targets run all day, every day (holidays excepted).' : ''}
        An interval ends by midnight; write a night shift as two intervals, to 24:00 and from 00:00.
      </Typography>
      {WEEKDAY_NAMES.map((name, n) => {
        const weekday = n + 1;
        const intervals = draft.map((interval, index) => ({ interval, index })).filter(({ interval }) => interval.weekday === weekday);
        return (
          <Stack key={weekday} direction="row" spacing={1} alignItems="center" sx={{ py: 0.5 }} aria-label={name}>
            <Typography sx={{ width: 110 }}>{name}</Typography>
            {intervals.length === 0 ? (
              <Typography variant="body2" color="text.secondary" sx={{ minWidth: 80 }}>
                {draft.length === 0 ? 'All day' : 'Closed'}
              </Typography>
            ) : null}
            {intervals.map(({ interval, index }) => (
              <Stack key={index} direction="row" spacing={0.5} alignItems="center">
                <TextField
                  size="small"
                  label="Opens"
                  value={interval.opens}
                  onChange={(e) => change(index, 'opens', e.target.value)}
                  disabled={!canEdit}
                  sx={{ width: 90 }}
                  slotProps={{ htmlInput: { 'aria-label': `${name} opens` } }}
                />
                <TextField
                  size="small"
                  label="Closes"
                  value={interval.closes}
                  onChange={(e) => change(index, 'closes', e.target.value)}
                  disabled={!canEdit}
                  sx={{ width: 90 }}
                  slotProps={{ htmlInput: { 'aria-label': `${name} closes` } }}
                />
                {canEdit ? (
                  <IconButton size="small" aria-label={`Remove ${name} ${interval.opens}–${interval.closes}`} onClick={() => remove(index)}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                ) : null}
              </Stack>
            ))}
            {canEdit ? (
              <IconButton size="small" aria-label={`Add hours on ${name}`} onClick={() => add(weekday)}>
                <AddIcon fontSize="small" />
              </IconButton>
            ) : null}
          </Stack>
        );
      })}
      {canEdit ? (
        <Button variant="contained" onClick={() => void save()} disabled={saving} sx={{ mt: 1 }}>
          Save hours
        </Button>
      ) : null}
    </Box>
  );
};
