import DialogContentText from '@mui/material/DialogContentText';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { formatJobWhen } from './jobFormatting';
import type { Job, JobStatusChange } from './types';
import { useJobsChanged } from './useJobsChanged';

const REASON_MAX_LENGTH = 500;

const WORDS: Record<JobStatusChange, { title: string; confirm: string; done: string; color: 'primary' | 'error' | 'warning' }> = {
  en_route: { title: 'Mark job #{id} en route?', confirm: 'Mark en route', done: 'Job #{id} is en route', color: 'primary' },
  completed: { title: 'Complete job #{id}?', confirm: 'Complete job', done: 'Job #{id} completed', color: 'primary' },
  failed: { title: 'Mark job #{id} failed?', confirm: 'Mark failed', done: 'Job #{id} marked failed', color: 'warning' },
  cancelled: { title: 'Cancel job #{id}?', confirm: 'Cancel job', done: 'Job #{id} cancelled', color: 'error' },
};

const EXPLANATION: Record<JobStatusChange, string> = {
  en_route: 'The technicians are on their way.',
  completed: 'Completing is final: the job can only be viewed afterwards, and its type’s completion action runs on the account.',
  failed: 'The technicians are freed and no reminder goes out; the job can be scheduled again later.',
  cancelled: 'Cancelling is final: the technicians are freed and the subscriber gets no reminder.',
};

interface JobStatusDialogProps {
  job: Job;
  status: JobStatusChange;
  onClose: () => void;
}

/** En route, complete, fail or cancel, after confirming; failing and cancelling take a reason. */
export const JobStatusDialog = ({ job, status, onClose }: JobStatusDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useJobsChanged();
  const [reason, setReason] = useState('');
  const words = WORDS[status];
  const withId = (text: string) => text.replace('{id}', String(job.id));
  const takesReason = status === 'failed' || status === 'cancelled';

  const confirm = async () => {
    await dataProvider.changeJobStatus(job.id, { status, ...(takesReason && reason.trim() ? { reason: reason.trim() } : {}) });
    await changed();
    return withId(words.done);
  };

  return (
    <ActionDialog title={withId(words.title)} confirmLabel={words.confirm} confirmColor={words.color} onConfirm={confirm} onClose={onClose}>
      <DialogContentText>
        {job.jobTypeName} for {job.accountName}, {formatJobWhen(job)}. {EXPLANATION[status]}
      </DialogContentText>
      {takesReason ? (
        <TextField
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          label="Reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          slotProps={{ htmlInput: { maxLength: REASON_MAX_LENGTH } }}
        />
      ) : null}
    </ActionDialog>
  );
};
