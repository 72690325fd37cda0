import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { formatDate, formatDateTime } from '../accounts/formatting';
import { DetailList } from '../billing/common/DetailList';
import { DetailsDrawer } from '../common/DetailsDrawer';
import { linkCountText } from './LinkCountIcons';
import { PriorityChip, TicketStatusChip, VisibilityChip } from './TicketChips';
import { SOURCE_LABELS, type Ticket, type TicketRow, ticketNumber } from './types';
import { useTicket } from './useTicket';

const lastMessage = (ticket: Ticket) => ticket.messages[ticket.messages.length - 1];

/** A ticket at a glance, in the side panel: its facts, recipients, description and latest message. */
export const TicketDrawer = ({ ticket, onClose }: { ticket: TicketRow | null; onClose: () => void }) => {
  const { data: detail } = useTicket(ticket?.id ?? null);
  const rows: [string, ReactNode][] = ticket
    ? [
        ['Status', <TicketStatusChip key="status" name={ticket.statusName} kind={ticket.statusKind} />],
        ['Priority', <PriorityChip key="priority" priority={ticket.priority} />],
        ['Visibility', <VisibilityChip key="visibility" visibility={ticket.visibility} />],
        ['Account', ticket.accountName ?? 'None yet'],
        ['Group', ticket.groupName ?? 'None'],
        ['Assignee', ticket.assigneeName ?? 'Unassigned'],
        ['Due', ticket.dueDate ? `${formatDate(ticket.dueDate)}${ticket.overdue ? ' (overdue)' : ''}` : 'No due date'],
        ['Opened', `${formatDateTime(ticket.createdAt)} · ${SOURCE_LABELS[ticket.source].toLowerCase()}`],
        ['Last activity', formatDateTime(ticket.lastActivityAt)],
        ['First response', ticket.firstRespondedAt ? formatDateTime(ticket.firstRespondedAt) : 'Not yet'],
        ...(ticket.closedAt ? ([['Closed', formatDateTime(ticket.closedAt)]] as [string, ReactNode][]) : []),
        ['Linked', linkCountText(ticket.linkCounts)],
        ['Recipients', detail ? detail.recipients.map((recipient) => recipient.address).join(', ') || 'None' : '…'],
      ]
    : [];
  const latest = detail ? lastMessage(detail) : undefined;
  return (
    <DetailsDrawer title={ticket ? `${ticketNumber(ticket.id)} ${ticket.subject}` : null} onClose={onClose} width={460}>
      <DetailList rows={rows} label="Ticket details" />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        Description
      </Typography>
      {detail ? (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {detail.description || 'No description.'}
        </Typography>
      ) : (
        <Skeleton />
      )}
      {latest ? (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            Latest message · {latest.authorName ?? latest.fromAddress ?? ''} · {formatDateTime(latest.createdAt)}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 200, overflow: 'auto' }}>
            {latest.bodyText}
          </Typography>
        </>
      ) : null}
      {ticket ? (
        <Stack direction="row" sx={{ mt: 2 }}>
          <Button variant="contained" size="small" component={RouterLink} to={`/tickets/${ticket.id}/show`}>
            Open ticket
          </Button>
        </Stack>
      ) : null}
    </DetailsDrawer>
  );
};
