import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-admin';
import { formatDateTime } from '../accounts/formatting';
import { accountTabPath } from '../accounts/accountTabPath';
import { DetailList } from '../billing/common/DetailList';
import { DetailsDrawer } from '../common/DetailsDrawer';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';
import { type JobMenuAction, jobMenuItems } from './jobActions';
import { formatJobTicket, formatJobWhen, formatMinutes } from './jobFormatting';
import { JobStatusChip } from './JobStatusChip';
import { TechnicianNames } from './TechnicianNames';
import type { JobDetail } from './types';
import { JOB_DETAIL_KEY } from './useJobsChanged';

const completionWords = (job: JobDetail): string | null => {
  const result = job.completionResult as { action?: string; unchanged?: boolean } | null;
  if (!result || result.action !== 'activate_account') return null;
  return result.unchanged ? 'The account was already active and was left as it was.' : 'Completing it activated the account.';
};

interface JobDrawerProps {
  /** The job shown; the panel is closed while it is null. */
  jobId: number | null;
  canWrite: boolean;
  onAction: (action: JobMenuAction, job: JobDetail) => void;
  onClose: () => void;
}

/** A job in the side panel: when, who, how long, its ticket, notes, linked tasks and files, and what may be done next. */
export const JobDrawer = ({ jobId, canWrite, onAction, onClose }: JobDrawerProps) => {
  const dataProvider = useBackhaulDataProvider();
  const { data: job, error } = useQuery({
    queryKey: [JOB_DETAIL_KEY, jobId],
    queryFn: () => dataProvider.fetchJob(jobId as number),
    enabled: jobId !== null,
  });
  const shown = job && job.id === jobId ? job : null;
  const rows: [string, ReactNode][] = shown
    ? [
        ['Status', <JobStatusChip key="status" status={shown.status} />],
        ['Account', <Link key="account" to={accountTabPath(shown.accountId, 'jobs')}>{`${shown.accountName} (#${shown.accountId})`}</Link>],
        ['Scheduled', formatJobWhen(shown)],
        ['Ends', formatDateTime(shown.endsAt)],
        ['Duration', formatMinutes(shown.durationMinutes)],
        ['Technicians', <TechnicianNames key="technicians" technicians={shown.technicians} />],
        [
          'Ticket',
          shown.ticketId !== null ? (
            <Link key="ticket" to={`/tickets/${shown.ticketId}/show`}>
              {formatJobTicket(shown)}
            </Link>
          ) : (
            '—'
          ),
        ],
        ...(shown.statusReason ? ([['Reason', shown.statusReason]] as [string, ReactNode][]) : []),
        ...(shown.completedAt ? ([['Completed', formatDateTime(shown.completedAt)]] as [string, ReactNode][]) : []),
        ['Created by', shown.createdByName ?? '—'],
        ['Created', formatDateTime(shown.createdAt)],
      ]
    : [];
  const actions = shown ? jobMenuItems(shown, canWrite).filter((item) => item.action !== 'view') : [];
  const completion = shown ? completionWords(shown) : null;
  return (
    <DetailsDrawer title={jobId === null ? null : shown ? `Job #${shown.id}: ${shown.jobTypeName}` : `Job #${jobId}`} onClose={onClose}>
      {error ? <Alert severity="error">{toApiProblem(error).message}</Alert> : null}
      {!shown && !error ? <CircularProgress size={24} aria-label="Loading the job" /> : null}
      {shown ? (
        <>
          <DetailList rows={rows} label="Job details" />
          {completion ? (
            <Alert severity="info" sx={{ mt: 2 }}>
              {completion}
            </Alert>
          ) : null}
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            Notes
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {shown.notes || 'No notes.'}
          </Typography>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            Tasks and files
          </Typography>
          {shown.links.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              Nothing linked.
            </Typography>
          ) : (
            <Box component="ul" sx={{ pl: 2.5, my: 0.5 }}>
              {shown.links.map((link) => (
                <Typography component="li" variant="body2" key={`${link.kind}-${link.targetId}`}>
                  {link.kind === 'task' ? 'Task' : 'File'}: {link.title}
                </Typography>
              ))}
            </Box>
          )}
          {actions.length > 0 ? (
            <Stack direction="row" sx={{ mt: 3, gap: 1, flexWrap: 'wrap' }}>
              {actions.map((item) => (
                <Button
                  key={item.action}
                  size="small"
                  variant="outlined"
                  color={item.destructive ? 'error' : 'primary'}
                  onClick={() => onAction(item.action, shown)}
                >
                  {item.label}
                </Button>
              ))}
            </Stack>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 3 }}>
              This job can only be viewed.
            </Typography>
          )}
        </>
      ) : null}
    </DetailsDrawer>
  );
};
