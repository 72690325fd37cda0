import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useNotify } from 'react-admin';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';
import { formatMinutes } from '../jobs/jobFormatting';
import { Permissions, useHasPermission } from '../permissions';

const MAX_MINUTES = 10_080;

const ReminderForm = ({ minutes, canEdit, onSaved }: { minutes: number; canEdit: boolean; onSaved: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const [value, setValue] = useState(String(minutes));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
  const valid = parsed !== null && parsed >= 1 && parsed <= MAX_MINUTES;

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await dataProvider.updateJobSettings({ reminderLeadMinutes: parsed as number });
      notify('Reminder lead time saved', { type: 'success' });
      onSaved();
    } catch (error) {
      setProblem(toApiProblem(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <TextField
        label="Reminder lead time (minutes)"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        disabled={!canEdit}
        error={!valid}
        helperText={valid ? `${formatMinutes(parsed)} before the job starts` : `Whole minutes, 1 to ${MAX_MINUTES} (a week)`}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
      {problem ? <Alert severity="error">{problem}</Alert> : null}
      {canEdit ? (
        <Button variant="contained" onClick={() => void save()} disabled={busy || !valid || parsed === minutes}>
          Save
        </Button>
      ) : (
        <Typography variant="body2" color="text.secondary">
          Changing it needs the jobs.configure permission.
        </Typography>
      )}
    </Stack>
  );
};

/** #/job-settings: how long before a job the subscriber is reminded; read-only without jobs.configure. */
export const JobSettingsPage = () => {
  const dataProvider = useBackhaulDataProvider();
  const canEdit = useHasPermission(Permissions.JobsConfigure);
  const { data, error, refetch, dataUpdatedAt } = useQuery({ queryKey: ['job-settings'], queryFn: () => dataProvider.fetchJobSettings() });
  return (
    <Box sx={{ mt: 2, mb: 4, maxWidth: 760 }}>
      <Title title="Job reminders" />
      <Paper sx={{ p: 2 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          When a job is scheduled, the account’s primary contact gets a confirmation, and a reminder this long before the job starts. A
          change applies to jobs scheduled or rescheduled afterwards.
        </Typography>
        {error ? <Alert severity="error">{toApiProblem(error).message}</Alert> : null}
        {!data && !error ? <Loading /> : null}
        {data ? (
          <ReminderForm key={dataUpdatedAt} minutes={data.reminderLeadMinutes} canEdit={canEdit} onSaved={() => void refetch()} />
        ) : null}
      </Paper>
    </Box>
  );
};
