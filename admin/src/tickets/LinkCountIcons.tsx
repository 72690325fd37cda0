import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AssignmentIcon from '@mui/icons-material/AssignmentOutlined';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import BuildIcon from '@mui/icons-material/BuildOutlined';
import RouterIcon from '@mui/icons-material/RouterOutlined';
import Badge from '@mui/material/Badge';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import type { ReactElement } from 'react';
import type { TicketRow } from './types';

type Counts = TicketRow['linkCounts'];

/** Left to right, as the reference orders them: tasks, files, jobs, inventory items, child tickets. */
const ICONS: { key: keyof Counts; one: string; many: string; icon: ReactElement }[] = [
  { key: 'tasks', one: 'task', many: 'tasks', icon: <AssignmentIcon sx={{ fontSize: 18 }} /> },
  { key: 'files', one: 'file', many: 'files', icon: <AttachFileIcon sx={{ fontSize: 18 }} /> },
  { key: 'jobs', one: 'job', many: 'jobs', icon: <BuildIcon sx={{ fontSize: 18 }} /> },
  { key: 'inventoryItems', one: 'inventory item', many: 'inventory items', icon: <RouterIcon sx={{ fontSize: 18 }} /> },
  { key: 'childTickets', one: 'child ticket', many: 'child tickets', icon: <AccountTreeIcon sx={{ fontSize: 18 }} /> },
];

export const linkCountText = (counts: Counts): string =>
  ICONS.map(({ key, one, many }) => `${counts[key]} ${counts[key] === 1 ? one : many}`).join(', ');

/** What is linked to a ticket, as five icons with their counts; an icon with nothing linked is faint. */
export const LinkCountIcons = ({ counts }: { counts: Counts }) => (
  <Stack direction="row" spacing={1} aria-label={linkCountText(counts)} role="img" sx={{ alignItems: 'center', pr: 1 }}>
    {ICONS.map(({ key, one, many, icon }) => (
      <Tooltip key={key} title={`${counts[key]} ${counts[key] === 1 ? one : many}`}>
        <Badge
          badgeContent={counts[key]}
          color="primary"
          max={99}
          sx={{
            color: counts[key] ? 'text.primary' : 'action.disabled',
            '& .MuiBadge-badge': { fontSize: 10, height: 15, minWidth: 15, px: 0.5 },
          }}
        >
          {icon}
        </Badge>
      </Tooltip>
    ))}
  </Stack>
);
