import MoreVertIcon from '@mui/icons-material/MoreVert';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import type { CallLog } from '../types';

export type CallLogAction = 'edit' | 'internal-ticket' | 'public-ticket' | 'delete';

const ITEMS: { action: CallLogAction; label: string; ticket?: boolean }[] = [
  { action: 'edit', label: 'Edit' },
  { action: 'internal-ticket', label: 'Create internal ticket', ticket: true },
  { action: 'public-ticket', label: 'Create public ticket', ticket: true },
  { action: 'delete', label: 'Delete' },
];

/**
 * The row's actions, behind one button so the list stays narrow: editing and deleting the call for
 * those who may write correspondence, opening a ticket from it for those who may write tickets.
 */
export const CallLogRowMenu = ({
  callLog,
  onAction,
  canWrite,
  canOpenTickets,
}: {
  callLog: CallLog;
  onAction: (action: CallLogAction, callLog: CallLog) => void;
  canWrite: boolean;
  canOpenTickets: boolean;
}) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const items = ITEMS.filter((item) => (item.ticket ? canOpenTickets : canWrite));
  return (
    <>
      <IconButton
        size="small"
        aria-label={`Actions for call ${callLog.subject}`}
        aria-haspopup="menu"
        onClick={(event) => {
          event.stopPropagation();
          setAnchor(event.currentTarget);
        }}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} onClick={(event) => event.stopPropagation()}>
        {items.map((item) => (
          <MenuItem
            key={item.action}
            onClick={() => {
              setAnchor(null);
              onAction(item.action, callLog);
            }}
            sx={item.action === 'delete' ? { color: 'error.main' } : undefined}
          >
            {item.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
