import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useGetList } from 'react-admin';
import { formatMinutes, JOB_STATUS_LABELS } from './jobFormatting';
import { JOBS_RESOURCE, type Job } from './types';

const SHOWN = 100;

interface UnscheduledJobsProps {
  canWrite: boolean;
  onDragStart: (job: Job) => void;
  onDragEnd: () => void;
  onSchedule: (job: Job) => void;
  onOpen: (job: Job) => void;
}

/** Jobs waiting for a time (not scheduled, or failed and to be tried again): dragged onto the calendar or booked through the dialog. */
export const UnscheduledJobs = ({ canWrite, onDragStart, onDragEnd, onSchedule, onOpen }: UnscheduledJobsProps) => {
  const { data: jobs = [], total = 0 } = useGetList<Job>(JOBS_RESOURCE, {
    filter: { status: ['not_scheduled', 'failed'] },
    pagination: { page: 1, perPage: SHOWN },
    sort: { field: 'createdAt', order: 'ASC' },
  });
  return (
    <Paper sx={{ p: 1.5, width: { xs: '100%', lg: 300 }, flexShrink: 0 }} role="region" aria-label="Jobs to schedule">
      <Typography variant="subtitle1" component="h2">
        To schedule ({total})
      </Typography>
      {jobs.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Every job has a time.
        </Typography>
      ) : (
        <List dense disablePadding sx={{ maxHeight: 720, overflowY: 'auto' }}>
          {jobs.map((job) => (
            <ListItem
              key={job.id}
              disableGutters
              draggable={canWrite}
              onDragStart={(event) => {
                event.dataTransfer.setData('text/plain', String(job.id));
                onDragStart(job);
              }}
              onDragEnd={onDragEnd}
              aria-label={`Job #${job.id}`}
              sx={{
                borderLeft: `4px solid ${job.jobTypeColor}`,
                pl: 1,
                mb: 1,
                bgcolor: 'action.hover',
                borderRadius: 1,
                cursor: canWrite ? 'grab' : 'default',
                alignItems: 'flex-start',
              }}
            >
              {canWrite ? <DragIndicatorIcon fontSize="small" sx={{ color: 'action.active', mt: 0.5, mr: 0.5 }} aria-hidden /> : null}
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Link
                  component="button"
                  type="button"
                  variant="body2"
                  onClick={() => onOpen(job)}
                  sx={{ fontWeight: 500, textAlign: 'left' }}
                >
                  {job.jobTypeName} #{job.id}
                </Link>
                <Typography variant="body2" noWrap title={job.accountName}>
                  {job.accountName}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {formatMinutes(job.durationMinutes)}
                  {job.status === 'failed' ? ` · ${JOB_STATUS_LABELS.failed}` : ''}
                </Typography>
              </Box>
              {canWrite ? (
                <Stack sx={{ alignSelf: 'center', pr: 0.5 }}>
                  <Button size="small" onClick={() => onSchedule(job)} aria-label={`Schedule job #${job.id}`}>
                    Schedule
                  </Button>
                </Stack>
              ) : null}
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
};
