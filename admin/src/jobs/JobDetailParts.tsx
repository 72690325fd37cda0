import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-admin';
import { formatDateTime } from '../accounts/formatting';
import { accountTabPath } from '../accounts/accountTabPath';
import { accountFileDownloadUrl } from '../dataProvider';
import { type JobMenuAction, jobMenuItems } from './jobActions';
import { formatJobTicket, formatJobWhen, formatMinutes } from './jobFormatting';
import { TechnicianNames } from './TechnicianNames';
import type { JobDetail } from './types';

/**
 * The pieces of a job's details that its side panel and its own page both show, so the two never
 * tell a job differently: the panel stacks them, the page lays them out in cards.
 */

type Rows = [string, ReactNode][];

export const JobAccountLink = ({ job }: { job: JobDetail }) => (
  <RouterLink to={accountTabPath(job.accountId, 'jobs')}>{`${job.accountName} (#${job.accountId})`}</RouterLink>
);

export const JobTicketLink = ({ job }: { job: JobDetail }) =>
  job.ticketId === null ? '—' : <RouterLink to={`/tickets/${job.ticketId}/show`}>{formatJobTicket(job)}</RouterLink>;

/** When and by whom: the booking, and why it failed or was cancelled. */
export const jobBookingRows = (job: JobDetail): Rows => [
  ['Scheduled', formatJobWhen(job)],
  ['Ends', formatDateTime(job.endsAt)],
  ['Duration', formatMinutes(job.durationMinutes)],
  ['Technicians', <TechnicianNames key="technicians" technicians={job.technicians} />],
  ...(job.statusReason ? ([['Reason', job.statusReason]] as Rows) : []),
  ...(job.completedAt ? ([['Completed', formatDateTime(job.completedAt)]] as Rows) : []),
];

export const jobRecordRows = (job: JobDetail): Rows => [
  ['Created by', job.createdByName ?? '—'],
  ['Created', formatDateTime(job.createdAt)],
];

const completionWords = (job: JobDetail): string | null => {
  const result = job.completionResult as { action?: string; unchanged?: boolean } | null;
  if (!result || result.action !== 'activate_account') return null;
  return result.unchanged ? 'The account was already active and was left as it was.' : 'Completing it activated the account.';
};

/** What completing the job did to the account, when its type acts on completion. */
export const JobCompletion = ({ job }: { job: JobDetail }) => {
  const words = completionWords(job);
  return words ? (
    <Alert severity="info" sx={{ mt: 2 }}>
      {words}
    </Alert>
  ) : null;
};

export const JobNotes = ({ job }: { job: JobDetail }) => (
  <Typography
    variant="body2"
    sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
    color={job.notes ? 'text.primary' : 'text.secondary'}
  >
    {job.notes || 'No notes.'}
  </Typography>
);

/** The account's tasks and files linked to the job; a file downloads. */
export const JobLinks = ({ job }: { job: JobDetail }) =>
  job.links.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      Nothing linked.
    </Typography>
  ) : (
    <Box component="ul" aria-label="Tasks and files" sx={{ pl: 2.5, my: 0.5 }}>
      {job.links.map((link) => (
        <Typography component="li" variant="body2" key={`${link.kind}-${link.targetId}`} sx={{ overflowWrap: 'anywhere' }}>
          {link.kind === 'task' ? (
            `Task: ${link.title}`
          ) : (
            <>
              File: <Link href={accountFileDownloadUrl(link.targetId)}>{link.title}</Link>
            </>
          )}
        </Typography>
      ))}
    </Box>
  );

/** The actions the job's status allows, as buttons; a line saying so when there are none. */
export const JobActionButtons = ({
  job,
  canWrite,
  onAction,
  alignEnd = false,
}: {
  job: JobDetail;
  canWrite: boolean;
  onAction: (action: JobMenuAction, job: JobDetail) => void;
  /** Wrapped rows keep to the right, as in a page's header. */
  alignEnd?: boolean;
}) => {
  const actions = jobMenuItems(job, canWrite).filter((item) => item.action !== 'view');
  return actions.length > 0 ? (
    <Stack
      direction="row"
      sx={{ gap: 1, flexWrap: 'wrap', justifyContent: alignEnd ? { md: 'flex-end' } : undefined }}
      role="group"
      aria-label={`Actions for job #${job.id}`}
    >
      {actions.map((item) => (
        <Button
          key={item.action}
          size="small"
          variant="outlined"
          color={item.destructive ? 'error' : 'primary'}
          onClick={() => onAction(item.action, job)}
        >
          {item.label}
        </Button>
      ))}
    </Stack>
  ) : (
    <Typography variant="body2" color="text.secondary">
      This job can only be viewed.
    </Typography>
  );
};
