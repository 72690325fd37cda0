import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { formatMinutes } from './jobFormatting';
import type { Job, JobType } from './types';
import { useJobsChanged } from './useJobsChanged';

const NOTES_MAX_LENGTH = 10_000;
const MIN_MINUTES = 5;
const MAX_MINUTES = 1440;

const parseMinutes = (text: string): number | null => {
  if (!/^\d+$/.test(text.trim())) return null;
  const minutes = Number(text.trim());
  return minutes >= MIN_MINUTES && minutes <= MAX_MINUTES ? minutes : null;
};

interface JobFormDialogProps {
  accountId: number;
  /** Absent: a new job on the account. */
  job?: Job;
  onClose: () => void;
}

/** Create a job on the account, or edit one: its type (which proposes the duration), the duration and notes. */
export const JobFormDialog = ({ accountId, job, onClose }: JobFormDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useJobsChanged();
  const { data: types = [] } = useGetList<JobType>('job-types', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [jobTypeId, setJobTypeId] = useState<number | null>(job?.jobTypeId ?? null);
  const [duration, setDuration] = useState(job ? String(job.durationMinutes) : '');
  const [notes, setNotes] = useState(job?.notes ?? '');
  const minutes = parseMinutes(duration);

  const pickType = (id: number) => {
    setJobTypeId(id);
    // The type proposes its usual length; the clerk may still change it.
    const type = types.find((candidate) => candidate.id === id);
    if (type) setDuration(String(type.defaultDurationMinutes));
  };

  const confirm = async () => {
    const input = { jobTypeId: jobTypeId as number, durationMinutes: minutes as number, notes: notes.trim() ? notes : null };
    if (job) {
      await dataProvider.updateJob(job.id, input);
    } else {
      await dataProvider.createJob(accountId, input);
    }
    await changed();
    return job ? 'Job saved' : 'Job created';
  };

  return (
    <ActionDialog
      title={job ? `Edit job #${job.id}` : 'Create job'}
      confirmLabel={job ? 'Save changes' : 'Create job'}
      onConfirm={confirm}
      onClose={onClose}
      disabled={jobTypeId === null || minutes === null}
      inlineFields={['jobTypeId', 'durationMinutes', 'notes']}
    >
      {(fieldErrors) => (
        <>
          <TextField
            select
            fullWidth
            margin="normal"
            label="Job type"
            value={jobTypeId === null ? '' : String(jobTypeId)}
            onChange={(event) => pickType(Number(event.target.value))}
            error={Boolean(fieldErrors.jobTypeId)}
            helperText={fieldErrors.jobTypeId ?? (types.length === 0 ? 'No job types yet: add them under Settings › Job types' : undefined)}
            required
          >
            {types.map((type) => (
              <MenuItem key={type.id} value={String(type.id)}>
                {type.name} ({formatMinutes(type.defaultDurationMinutes)})
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth
            margin="normal"
            label="Duration (minutes)"
            value={duration}
            onChange={(event) => setDuration(event.target.value)}
            error={(duration !== '' && minutes === null) || Boolean(fieldErrors.durationMinutes)}
            helperText={
              fieldErrors.durationMinutes ??
              (minutes !== null ? formatMinutes(minutes) : `Whole minutes, ${MIN_MINUTES} to ${MAX_MINUTES}; the type's usual length`)
            }
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            required
          />
          <TextField
            fullWidth
            multiline
            minRows={3}
            margin="normal"
            label="Notes"
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
            error={Boolean(fieldErrors.notes)}
            helperText={fieldErrors.notes}
            slotProps={{ htmlInput: { maxLength: NOTES_MAX_LENGTH } }}
          />
        </>
      )}
    </ActionDialog>
  );
};
