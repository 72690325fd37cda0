import AssignmentIcon from '@mui/icons-material/AssignmentOutlined';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import NotesIcon from '@mui/icons-material/StickyNote2Outlined';
import Badge from '@mui/material/Badge';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { formatJobAttachments } from './jobFormatting';
import type { Job } from './types';

/** Tasks, notes and files of a job as three icons; one with nothing behind it is faint. */
export const JobAttachmentIcons = ({ job }: { job: Pick<Job, 'taskCount' | 'hasNotes' | 'fileCount'> }) => {
  const words = formatJobAttachments(job);
  const items = [
    {
      key: 'tasks',
      count: job.taskCount,
      title: `${job.taskCount} ${job.taskCount === 1 ? 'task' : 'tasks'}`,
      icon: <AssignmentIcon fontSize="small" />,
    },
    { key: 'notes', count: job.hasNotes ? 1 : 0, title: job.hasNotes ? 'Notes' : 'No notes', icon: <NotesIcon fontSize="small" /> },
    {
      key: 'files',
      count: job.fileCount,
      title: `${job.fileCount} ${job.fileCount === 1 ? 'file' : 'files'}`,
      icon: <AttachFileIcon fontSize="small" />,
    },
  ];
  return (
    <Stack direction="row" spacing={1.25} role="img" aria-label={words || 'Nothing attached'} sx={{ alignItems: 'center' }}>
      {items.map((item) => (
        <Tooltip key={item.key} title={item.title}>
          <Badge
            badgeContent={item.key === 'notes' ? 0 : item.count}
            color="primary"
            max={99}
            sx={{ color: item.count ? 'text.primary' : 'action.disabled', '& .MuiBadge-badge': { fontSize: 10, height: 16, minWidth: 16 } }}
          >
            {item.icon}
          </Badge>
        </Tooltip>
      ))}
    </Stack>
  );
};
