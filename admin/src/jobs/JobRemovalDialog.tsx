import DialogContentText from '@mui/material/DialogContentText';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { formatJobWhen } from './jobFormatting';
import type { Job } from './types';
import { useJobsChanged } from './useJobsChanged';

interface JobRemovalDialogProps {
  job: Job;
  kind: 'delete' | 'unschedule';
  /** Called once the job is deleted, before the lists are refreshed. */
  onDeleted?: (job: Job) => void;
  onClose: () => void;
}

/** Delete a job not yet scheduled, or take a scheduled one off the calendar: both ask first. */
export const JobRemovalDialog = ({ job, kind, onDeleted, onClose }: JobRemovalDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useJobsChanged();
  const confirm = async () => {
    if (kind === 'delete') {
      await dataProvider.deleteJob(job.id);
      // First, so a page showing the job leaves it rather than ask the API again for a job that is gone.
      onDeleted?.(job);
    } else {
      await dataProvider.unscheduleJob(job.id);
    }
    await changed();
    return kind === 'delete' ? `Job #${job.id} deleted` : `Job #${job.id} taken off the calendar`;
  };
  return (
    <ActionDialog
      title={kind === 'delete' ? `Delete job #${job.id}?` : `Unschedule job #${job.id}?`}
      confirmLabel={kind === 'delete' ? 'Delete job' : 'Unschedule'}
      confirmColor={kind === 'delete' ? 'error' : 'warning'}
      onConfirm={confirm}
      onClose={onClose}
    >
      <DialogContentText>
        {kind === 'delete'
          ? `${job.jobTypeName} for ${job.accountName}. The account’s logs keep a record of it.`
          : `${job.jobTypeName} for ${job.accountName}, ${formatJobWhen(job)}. The technicians are freed and the reminder is called off; the job goes back to not scheduled.`}
      </DialogContentText>
    </ActionDialog>
  );
};
