import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useGetIdentity } from 'react-admin';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { Permissions, useHasPermission } from '../../permissions';
import type { CallLog, CallLogInput } from '../types';
import { AttendantSelect } from './AttendantSelect';
import { parseMinutesSeconds, toMinutesSeconds } from './duration';
import { useCallLogsChanged } from './useCallLogsChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

const SUBJECT_MAX_LENGTH = 200;
const NOTES_MAX_LENGTH = 10_000;

/** An instant as a datetime-local input shows it, in the browser's time zone. */
const toLocalInput = (date: Date): string => {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
};

interface CallLogDialogProps {
  accountId: number | string;
  /** Absent: log a new call. */
  callLog?: CallLog;
  onClose: () => void;
}

/** Log a call, or edit one: subject, how long (minutes:seconds), when, who took it, and notes. */
export const CallLogDialog = ({ accountId, callLog, onClose }: CallLogDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const canPickAttendant = useHasPermission(Permissions.UsersRead);
  const { identity } = useGetIdentity();
  const changed = useCallLogsChanged(accountId);
  const [subject, setSubject] = useState(callLog?.subject ?? '');
  const [duration, setDuration] = useState(callLog ? toMinutesSeconds(callLog.durationSeconds) : '');
  const [initialWhen] = useState(() => toLocalInput(callLog ? new Date(callLog.calledAt) : new Date()));
  const [when, setWhen] = useState(initialWhen);
  const [attendantId, setAttendantId] = useState<number | null>(callLog?.attendantUserId ?? null);
  const [notes, setNotes] = useState(callLog?.notes ?? '');

  const durationSeconds = parseMinutesSeconds(duration);
  const calledAt = when ? new Date(when) : null;
  const whenValid = calledAt !== null && !Number.isNaN(calledAt.getTime());
  const attendant = attendantId ?? (identity ? Number(identity.id) : null);

  const confirm = async () => {
    const input: CallLogInput = {
      subject: subject.trim(),
      durationSeconds: durationSeconds ?? 0,
      // The input holds whole minutes: an untouched time is left out so an edit keeps the call's seconds.
      ...(!callLog || when !== initialWhen ? { calledAt: (calledAt as Date).toISOString() } : {}),
      notes: notes.trim() ? notes : null,
      ...(canPickAttendant && attendant !== null ? { attendantUserId: attendant } : {}),
    };
    if (callLog) {
      await dataProvider.updateCallLog(callLog.id, input);
    } else {
      await dataProvider.createCallLog(Number(accountId), input);
    }
    await changed();
    return callLog ? 'Call log saved' : 'Call logged';
  };

  return (
    <ActionDialog
      title={callLog ? 'Edit call log' : 'Log a call'}
      confirmLabel={callLog ? 'Save changes' : 'Log call'}
      onConfirm={confirm}
      onClose={onClose}
      disabled={!subject.trim() || durationSeconds === null || !whenValid}
    >
      <TextField
        fullWidth
        autoFocus
        margin="normal"
        label="Subject"
        value={subject}
        onChange={(event) => setSubject(event.target.value)}
        slotProps={{ htmlInput: { maxLength: SUBJECT_MAX_LENGTH } }}
        required
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          fullWidth
          margin="normal"
          label="Duration"
          placeholder="12:30"
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
          error={duration !== '' && durationSeconds === null}
          helperText="minutes:seconds, e.g. 12:30"
          required
        />
        <TextField
          fullWidth
          margin="normal"
          label="When"
          type="datetime-local"
          value={when}
          onChange={(event) => setWhen(event.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: toLocalInput(new Date()) } }}
          helperText="Not in the future"
          required
        />
      </Stack>
      {canPickAttendant ? (
        <AttendantSelect
          label="Attendant"
          value={attendant}
          onChange={(id) => setAttendantId(id)}
          currentName={callLog?.attendantName ?? identity?.fullName ?? null}
        />
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Attendant: {callLog?.attendantName ?? identity?.fullName ?? 'you'}
        </Typography>
      )}
      <TextField
        fullWidth
        multiline
        minRows={3}
        margin="normal"
        label="Notes"
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        slotProps={{ htmlInput: { maxLength: NOTES_MAX_LENGTH } }}
      />
    </ActionDialog>
  );
};
