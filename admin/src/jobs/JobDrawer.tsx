import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-admin';
import { DetailList } from '../billing/common/DetailList';
import { DetailsDrawer } from '../common/DetailsDrawer';
import { toApiProblem } from '../dataProvider';
import type { JobMenuAction } from './jobActions';
import {
  JobAccountLink,
  JobActionButtons,
  jobBookingRows,
  JobCompletion,
  JobLinks,
  JobNotes,
  jobRecordRows,
  JobTicketLink,
} from './JobDetailParts';
import { jobShowPath } from './jobPath';
import { JobStatusChip } from './JobStatusChip';
import type { JobDetail } from './types';
import { useJob } from './useJob';

interface JobDrawerProps {
  /** The job shown; the panel is closed while it is null. */
  jobId: number | null;
  canWrite: boolean;
  onAction: (action: JobMenuAction, job: JobDetail) => void;
  onClose: () => void;
}

/**
 * A job at a glance beside its list: when, who, how long, its ticket, notes, linked tasks and files,
 * and what may be done next. The job's own page holds the same, to link to and reload.
 */
export const JobDrawer = ({ jobId, canWrite, onAction, onClose }: JobDrawerProps) => {
  const { data: job, error } = useJob(jobId);
  const shown = job && job.id === jobId ? job : null;
  return (
    <DetailsDrawer title={jobId === null ? null : shown ? `Job #${shown.id}: ${shown.jobTypeName}` : `Job #${jobId}`} onClose={onClose}>
      {error ? <Alert severity="error">{toApiProblem(error).message}</Alert> : null}
      {!shown && !error ? <CircularProgress size={24} aria-label="Loading the job" /> : null}
      {shown ? (
        <>
          <DetailList
            rows={[
              ['Status', <JobStatusChip key="status" status={shown.status} />],
              ['Account', <JobAccountLink key="account" job={shown} />],
              ...jobBookingRows(shown),
              ['Ticket', <JobTicketLink key="ticket" job={shown} />],
              ...jobRecordRows(shown),
            ]}
            label="Job details"
          />
          <JobCompletion job={shown} />
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            Notes
          </Typography>
          <JobNotes job={shown} />
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            Tasks and files
          </Typography>
          <JobLinks job={shown} />
          <Box sx={{ mt: 3 }}>
            <JobActionButtons job={shown} canWrite={canWrite} onAction={onAction} />
          </Box>
          <Button variant="contained" size="small" component={RouterLink} to={jobShowPath(shown.id)} sx={{ mt: 2 }}>
            Open job
          </Button>
        </>
      ) : null}
    </DetailsDrawer>
  );
};
