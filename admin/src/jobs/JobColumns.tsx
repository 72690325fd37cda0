import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-admin';
import { RowActionsMenu } from '../common';
import { type JobMenuAction, jobMenuItems } from './jobActions';
import { formatJobTicket, formatJobWhen, formatMinutes } from './jobFormatting';
import { jobShowPath } from './jobPath';
import type { Job } from './types';

/** The Job column: the type (a link to the job's page), its number and length, and when it is booked. */
export const JobCell = ({ job }: { job: Job }) => (
  <Stack spacing={0.25}>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Box sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: job.jobTypeColor, flexShrink: 0 }} aria-hidden />
      <RouterLink
        to={jobShowPath(job.id)}
        variant="body2"
        onClick={(event: { stopPropagation: () => void }) => event.stopPropagation()}
        sx={{ fontWeight: 500 }}
      >
        {job.jobTypeName}
      </RouterLink>
      <Typography variant="caption" color="text.secondary">
        #{job.id}
      </Typography>
    </Stack>
    <Typography variant="caption" color="text.secondary">
      {formatMinutes(job.durationMinutes)}
    </Typography>
    <Typography variant="caption" color={job.startsAt ? 'text.primary' : 'text.secondary'}>
      {formatJobWhen(job)}
    </Typography>
  </Stack>
);

export const TicketCell = ({ job }: { job: Job }) =>
  job.ticketId === null ? (
    <Typography variant="body2" color="text.secondary">
      —
    </Typography>
  ) : (
    <RouterLink to={`/tickets/${job.ticketId}/show`} onClick={(event: { stopPropagation: () => void }) => event.stopPropagation()}>
      {formatJobTicket(job)}
    </RouterLink>
  );

/** The row's end: its actions for the status, then the arrow to the side panel (a preview; the row opens the page). */
export const JobRowEnd = ({
  job,
  canWrite,
  onAction,
}: {
  job: Job;
  canWrite: boolean;
  onAction: (action: JobMenuAction, job: Job) => void;
}) => (
  <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
    <RowActionsMenu label={`Actions for job #${job.id}`} items={jobMenuItems(job, canWrite)} onAction={(action) => onAction(action, job)} />
    <IconButton
      size="small"
      aria-label={`Details of job #${job.id}`}
      onClick={(event) => {
        event.stopPropagation();
        onAction('view', job);
      }}
    >
      <ChevronRightIcon fontSize="small" />
    </IconButton>
  </Stack>
);
