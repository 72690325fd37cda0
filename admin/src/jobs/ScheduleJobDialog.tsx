import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { HttpError, useGetList } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';
import { formatMinutes, toLocalInput } from './jobFormatting';
import type { Job, Technician } from './types';
import { useJobsChanged } from './useJobsChanged';

const MAX_TECHNICIANS = 10;

interface TechnicianOption {
  id: number;
  name: string;
  color: string;
}

/** The next whole hour from now: a sensible first proposal for a start. */
const nextHour = (): Date => {
  const date = new Date();
  date.setMinutes(0, 0, 0);
  date.setHours(date.getHours() + 1);
  return date;
};

/** A clash (409) is one sentence naming the job in the way; other failures list their fields. */
const describeProblem = (error: unknown): string => {
  const problem = toApiProblem(error);
  if (error instanceof HttpError && error.status === 409) return problem.message;
  const fields = Object.entries(problem.fields).map(([field, message]) => `${field}: ${message}`);
  return [problem.message, ...fields].join(' ');
};

export interface ScheduleJobDialogProps {
  job: Pick<Job, 'id' | 'jobTypeName' | 'accountName' | 'durationMinutes' | 'startsAt' | 'technicians' | 'status'>;
  /** Proposed start and technicians (a slot picked on the calendar); otherwise the job's own, or the next hour. */
  initialStart?: Date;
  initialTechnicianIds?: number[];
  onClose: () => void;
  /** After the job is booked, e.g. for the calendar to show the day. */
  onScheduled?: () => void;
}

/** Schedule, reschedule or reassign: one or more technicians, the start and the duration. */
export const ScheduleJobDialog = ({ job, initialStart, initialTechnicianIds, onClose, onScheduled }: ScheduleJobDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useJobsChanged();
  const { data: active = [] } = useGetList<Technician>('technicians', {
    filter: { active: true },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  // Technicians already on the job stay offered, even one no longer active.
  const options: TechnicianOption[] = [
    ...active.filter((technician) => technician.userActive),
    ...job.technicians.filter((technician) => !active.some((candidate) => candidate.id === technician.id)),
  ];
  const [technicianIds, setTechnicianIds] = useState<number[]>(initialTechnicianIds ?? job.technicians.map((technician) => technician.id));
  const [start, setStart] = useState(() => toLocalInput(initialStart ?? (job.startsAt ? new Date(job.startsAt) : nextHour())));
  const [duration, setDuration] = useState(String(job.durationMinutes));
  const startsAt = start ? new Date(start) : null;
  const startValid = startsAt !== null && !Number.isNaN(startsAt.getTime());
  const minutes = /^\d+$/.test(duration.trim()) ? Number(duration.trim()) : null;
  const minutesValid = minutes !== null && minutes >= 5 && minutes <= 1440;
  const rescheduling = job.status === 'scheduled';

  const confirm = async () => {
    await dataProvider.scheduleJob(job.id, {
      startsAt: (startsAt as Date).toISOString(),
      durationMinutes: minutes as number,
      technicianIds,
    });
    await changed();
    onScheduled?.();
    return rescheduling ? `Job #${job.id} rescheduled` : `Job #${job.id} scheduled`;
  };

  const selected = technicianIds.map(
    (id) => options.find((option) => option.id === id) ?? { id, name: `Technician ${id}`, color: '#9e9e9e' },
  );

  return (
    <ActionDialog
      title={rescheduling ? `Reschedule job #${job.id}` : `Schedule job #${job.id}`}
      confirmLabel={rescheduling ? 'Save schedule' : 'Schedule'}
      onConfirm={confirm}
      onClose={onClose}
      disabled={technicianIds.length === 0 || !startValid || !minutesValid}
      describeProblem={describeProblem}
    >
      <Typography variant="body2" color="text.secondary">
        {job.jobTypeName} for {job.accountName}
      </Typography>
      <Autocomplete<TechnicianOption, true>
        multiple
        options={options}
        value={selected}
        getOptionLabel={(option) => option.name}
        isOptionEqualToValue={(option, value) => option.id === value.id}
        onChange={(_event, value) => setTechnicianIds(value.slice(0, MAX_TECHNICIANS).map((option) => option.id))}
        renderValue={(value, getItemProps) =>
          value.map((option, index) => {
            const { key, ...itemProps } = getItemProps({ index });
            const dot = (
              <Box component="span" sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: option.color, ml: 1 }} aria-hidden />
            );
            return <Chip key={key} size="small" label={option.name} icon={dot} {...itemProps} />;
          })
        }
        renderInput={(params) => (
          <TextField
            {...params}
            margin="normal"
            label="Technicians"
            helperText={options.length === 0 ? 'No active technicians: add them under Settings › Technicians' : 'One or more'}
          />
        )}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          fullWidth
          margin="normal"
          label="Start"
          type="datetime-local"
          value={start}
          onChange={(event) => setStart(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          required
        />
        <TextField
          fullWidth
          margin="normal"
          label="Duration (minutes)"
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
          error={!minutesValid}
          helperText={minutesValid ? formatMinutes(minutes) : '5 to 1440 minutes'}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          required
        />
      </Stack>
    </ActionDialog>
  );
};
