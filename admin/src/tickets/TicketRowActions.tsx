import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { Permissions, useHasPermission } from '../permissions';
import type { TicketAction } from './TicketActionDialogs';
import { type TicketRow, ticketNumber } from './types';

/** Edit, and beside it a menu: assign, merge, edit recipients, create a job. A merged ticket is read only. */
export const TicketRowActions = ({
  ticket,
  onAction,
}: {
  ticket: TicketRow;
  onAction: (action: TicketAction, ticket: TicketRow) => void;
}) => {
  const canCreateJob = useHasPermission(Permissions.JobsWrite);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (ticket.mergedIntoTicketId !== null) return null;
  const items: { action: TicketAction; label: string }[] = [
    { action: 'assign', label: 'Assign' },
    { action: 'merge', label: 'Merge' },
    { action: 'recipients', label: 'Edit recipients' },
    ...(canCreateJob && ticket.accountId !== null ? [{ action: 'job' as const, label: 'Create job' }] : []),
  ];
  const choose = (action: TicketAction) => {
    setAnchor(null);
    onAction(action, ticket);
  };
  return (
    <>
      <ButtonGroup size="small" variant="outlined" onClick={(event) => event.stopPropagation()}>
        <Button onClick={() => choose('edit')} aria-label={`Edit ticket ${ticketNumber(ticket.id)}`}>
          Edit
        </Button>
        <Button
          aria-label={`More actions for ticket ${ticketNumber(ticket.id)}`}
          aria-haspopup="menu"
          onClick={(event) => setAnchor(event.currentTarget)}
          sx={{ px: 0, minWidth: 28 }}
        >
          <ArrowDropDownIcon fontSize="small" />
        </Button>
      </ButtonGroup>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} onClick={(event) => event.stopPropagation()}>
        {items.map((item) => (
          <MenuItem key={item.action} onClick={() => choose(item.action)}>
            {item.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
