import DialogContentText from '@mui/material/DialogContentText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import type { components } from '../api/schema';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { type TicketRow, ticketNumber } from './types';
import { useTicketsChanged } from './useTicketsChanged';

type JobType = components['schemas']['JobTypeResponseDto'];

/** A job for the ticket's account, linked to the ticket; it starts not scheduled, to be booked from the account's Jobs. */
export const CreateJobDialog = ({
  ticket,
  onClose,
}: {
  ticket: Pick<TicketRow, 'id' | 'subject' | 'accountName'>;
  onClose: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useTicketsChanged();
  const { data: types = [] } = useGetList<JobType>('job-types', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [typeId, setTypeId] = useState<number | null>(null);
  const [minutes, setMinutes] = useState('');
  const [notes, setNotes] = useState(ticket.subject);
  const type = types.find((candidate) => candidate.id === typeId);
  const duration = minutes.trim() === '' ? null : Number(minutes);
  const durationValid = duration === null || (Number.isInteger(duration) && duration >= 5 && duration <= 1440);

  const confirm = async () => {
    const job = await dataProvider.createTicketJob(ticket.id, {
      jobTypeId: typeId as number,
      ...(duration !== null ? { durationMinutes: duration } : {}),
      notes: notes.trim() ? notes : null,
    });
    await changed();
    return `Job #${job.id} (${type?.name ?? 'job'}) created; schedule it from the account’s Jobs`;
  };

  return (
    <ActionDialog
      title={`Create a job from ${ticketNumber(ticket.id)}`}
      confirmLabel="Create job"
      onConfirm={confirm}
      onClose={onClose}
      disabled={typeId === null || !durationValid}
    >
      <DialogContentText>
        For {ticket.accountName ?? 'the ticket’s account'}, linked to “{ticket.subject}”.
      </DialogContentText>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          select
          fullWidth
          autoFocus
          margin="normal"
          label="Job type"
          value={typeId === null ? '' : String(typeId)}
          onChange={(event) => setTypeId(Number(event.target.value))}
          helperText={types.length === 0 ? 'No job types yet: add them under Settings' : undefined}
          required
        >
          {types.map((candidate) => (
            <MenuItem key={candidate.id} value={String(candidate.id)}>
              {candidate.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          fullWidth
          margin="normal"
          label="Duration (minutes)"
          type="number"
          value={minutes}
          placeholder={type ? String(type.defaultDurationMinutes) : ''}
          onChange={(event) => setMinutes(event.target.value)}
          slotProps={{ htmlInput: { min: 5, max: 1440, step: 5 }, inputLabel: { shrink: true } }}
          error={!durationValid}
          helperText={
            durationValid ? (type ? `The type’s ${type.defaultDurationMinutes} when left empty` : ' ') : 'Whole minutes, 5 to 1440'
          }
        />
      </Stack>
      <TextField
        fullWidth
        multiline
        minRows={3}
        margin="normal"
        label="Notes"
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 10_000 } }}
      />
    </ActionDialog>
  );
};
