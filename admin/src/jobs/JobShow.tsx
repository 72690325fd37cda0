import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Title, useNavigate, useParams } from 'react-admin';
import { accountTabPath } from '../accounts/accountTabPath';
import { formatDateTime } from '../accounts/formatting';
import { DetailList } from '../billing/common/DetailList';
import { errorMessage } from '../dataProvider';
import { Permissions, useHasPermission } from '../permissions';
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
import { formatJobWhen } from './jobFormatting';
import { JobStatusChip } from './JobStatusChip';
import type { JobDetail } from './types';
import { useJob } from './useJob';
import { useJobActionDialogs } from './useJobActionDialogs';

/** The zone the browser shows times in, named, since a clerk may sit elsewhere than the subscriber. */
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Paper sx={{ p: 2 }} component="section" aria-label={title}>
    <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Paper>
);

const JobPage = ({ job }: { job: JobDetail }) => {
  const canWrite = useHasPermission(Permissions.JobsWrite);
  const navigate = useNavigate();
  // A deleted job has no page left: back to its account's jobs, in place of this page in the history.
  const { run, element } = useJobActionDialogs(canWrite, {
    onDeleted: (deleted) => navigate(accountTabPath(deleted.accountId, 'jobs'), { replace: true }),
  });
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title={`Job #${job.id}`} />
      <Paper sx={{ p: 2, mb: 2 }} component="section" aria-label="Job header">
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}
        >
          <Box sx={{ minWidth: 0 }}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Box sx={{ width: 14, height: 14, borderRadius: '3px', bgcolor: job.jobTypeColor, flexShrink: 0 }} aria-hidden />
              <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
                <Typography component="span" variant="h5" color="text.secondary" sx={{ mr: 1 }}>
                  #{job.id}
                </Typography>{' '}
                {job.jobTypeName}
              </Typography>
              <JobStatusChip status={job.status} />
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              <JobAccountLink job={job} /> · {formatJobWhen(job)}
            </Typography>
          </Box>
          <Box sx={{ flexShrink: 0, maxWidth: { md: '50%' } }}>
            <JobActionButtons job={job} canWrite={canWrite} onAction={run} alignEnd />
          </Box>
        </Stack>
        <JobCompletion job={job} />
      </Paper>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Stack spacing={2}>
            <Section title="Booking">
              <DetailList rows={jobBookingRows(job)} label="Booking" />
            </Section>
            <Section title="Notes">
              <JobNotes job={job} />
            </Section>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Stack spacing={2}>
            <Section title="Linked">
              <DetailList rows={[['Ticket', <JobTicketLink key="ticket" job={job} />]]} label="Ticket" />
              <Typography variant="subtitle2" sx={{ mt: 2 }}>
                Tasks and files
              </Typography>
              <JobLinks job={job} />
            </Section>
            <Section title="Record">
              <DetailList rows={[...jobRecordRows(job), ['Last changed', formatDateTime(job.updatedAt)]]} label="Record" />
            </Section>
          </Stack>
        </Grid>
      </Grid>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
        Times are shown in this browser’s time zone ({BROWSER_ZONE}).
      </Typography>
      {element}
    </Box>
  );
};

/** A job's own page, #/jobs/:id/show: everything its side panel shows, with the actions its status allows. */
export const JobShow = () => {
  const { id } = useParams();
  const jobId = id && /^\d+$/.test(id) ? Number(id) : null;
  const { data, error } = useJob(jobId);
  if (jobId === null)
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        There is no job “{id}”.
      </Alert>
    );
  if (error)
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        Could not load job #{jobId}: {errorMessage(error)}
      </Alert>
    );
  if (!data || data.id !== jobId) return <Skeleton variant="rounded" height={420} sx={{ mt: 2 }} aria-label="Loading the job" />;
  return <JobPage job={data} />;
};
