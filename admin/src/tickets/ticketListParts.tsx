import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Datagrid, type Exporter, FunctionField, NullableBooleanInput, SearchInput, SelectArrayInput, SelectInput } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { formatDate, formatDateTime } from '../accounts/formatting';
import { AccountFilterInput, Caption, NoneText } from '../common';
import { downloadRows } from '../correspondence/csv';
import { LinkCountIcons } from './LinkCountIcons';
import type { TicketAction } from './TicketActionDialogs';
import { PriorityChip, TicketStatusChip } from './TicketChips';
import { TicketRowActions } from './TicketRowActions';
import {
  PRIORITY_LABELS,
  STATUS_KIND_LABELS,
  TICKET_PRIORITIES,
  TICKET_STATUS_KINDS,
  TICKET_VISIBILITIES,
  type TicketRow,
  ticketNumber,
  VISIBILITY_LABELS,
} from './types';
import { useAssignees, useTicketGroups, useTicketStatuses } from './useTicketLookups';

/** The working queue: what still needs someone, without tickets merged into others. */
export const WORKING_QUEUE = { statusKind: ['open', 'pending'], merged: false };

/** The filters of a ticket list; the queue across accounts adds the account ones. */
export const useTicketFilters = (acrossAccounts: boolean) => {
  // The account page is narrow: its less used filters wait behind the filter button.
  const wide = acrossAccounts;
  const { statuses } = useTicketStatuses();
  const { groups } = useTicketGroups();
  const assignees = useAssignees();
  return [
    <SearchInput key="q" source="q" placeholder="Subject, description or #number" alwaysOn />,
    <SelectArrayInput
      key="statusKind"
      source="statusKind"
      label="Status kind"
      choices={TICKET_STATUS_KINDS.map((kind) => ({ id: kind, name: STATUS_KIND_LABELS[kind] }))}
      alwaysOn
      sx={{ minWidth: 180 }}
    />,
    <SelectInput key="statusId" source="statusId" label="Status" choices={statuses} optionText="name" />,
    <SelectInput key="groupId" source="groupId" label="Group" choices={groups} optionText="name" alwaysOn={wide} />,
    <SelectInput key="assigneeUserId" source="assigneeUserId" label="Assignee" choices={assignees} optionText="name" alwaysOn={wide} />,
    <NullableBooleanInput
      key="unassigned"
      source="unassigned"
      label="Assignment"
      trueLabel="Unassigned only"
      falseLabel="Assigned only"
      nullLabel="Either"
    />,
    <SelectArrayInput
      key="priority"
      source="priority"
      label="Priority"
      choices={TICKET_PRIORITIES.map((priority) => ({ id: priority, name: PRIORITY_LABELS[priority] }))}
      alwaysOn
      sx={{ minWidth: 160 }}
    />,
    <NullableBooleanInput
      key="overdue"
      source="overdue"
      label="Overdue"
      trueLabel="Overdue"
      falseLabel="Not overdue"
      nullLabel="Either"
      alwaysOn={wide}
    />,
    <SelectInput
      key="visibility"
      source="visibility"
      label="Visibility"
      choices={TICKET_VISIBILITIES.map((visibility) => ({ id: visibility, name: VISIBILITY_LABELS[visibility] }))}
    />,
    ...(acrossAccounts
      ? [
          <AccountFilterInput key="accountId" source="accountId" />,
          <NullableBooleanInput
            key="withoutAccount"
            source="withoutAccount"
            label="Account"
            trueLabel="Without account"
            falseLabel="With an account"
            nullLabel="Either"
          />,
        ]
      : []),
    <NullableBooleanInput
      key="merged"
      source="merged"
      label="Merged"
      trueLabel="Merged only"
      falseLabel="Hide merged"
      nullLabel="Show merged too"
    />,
  ];
};

/** The rows the list fetched for its filters and sort, as a CSV file named `${filename}.csv`, in the order shown. */
export const ticketExporter =
  (filename: string): Exporter<TicketRow> =>
  (tickets) =>
    downloadRows(
      filename,
      [
        'id',
        'subject',
        'account_id',
        'account',
        'status',
        'status_kind',
        'priority',
        'group',
        'assignee',
        'visibility',
        'due_date',
        'overdue',
        'created_at',
        'last_activity_at',
        'merged_into',
        'tasks',
        'files',
        'jobs',
        'inventory_items',
        'child_tickets',
      ],
      tickets.map((ticket) => [
        ticket.id,
        ticket.subject,
        ticket.accountId,
        ticket.accountName,
        ticket.statusName,
        ticket.statusKind,
        ticket.priority,
        ticket.groupName,
        ticket.assigneeName,
        ticket.visibility,
        ticket.dueDate,
        ticket.overdue ? 'yes' : 'no',
        ticket.createdAt,
        ticket.lastActivityAt,
        ticket.mergedIntoTicketId,
        ticket.linkCounts.tasks,
        ticket.linkCounts.files,
        ticket.linkCounts.jobs,
        ticket.linkCounts.inventoryItems,
        ticket.linkCounts.childTickets,
      ]),
    );

const SubjectCell = ({ ticket, showAccount }: { ticket: TicketRow; showAccount: boolean }) => (
  <Box sx={{ minWidth: 160 }}>
    <Link component={RouterLink} to={`/tickets/${ticket.id}/show`} underline="hover" onClick={(event) => event.stopPropagation()}>
      <Typography component="span" variant="body2" color="text.secondary">
        {ticketNumber(ticket.id)}
      </Typography>{' '}
      {ticket.subject}
    </Link>
    {showAccount ? <Caption>{ticket.accountName ?? 'No account yet'}</Caption> : null}
    <Caption>
      {VISIBILITY_LABELS[ticket.visibility]} · opened {formatDateTime(ticket.createdAt)}
    </Caption>
    {ticket.mergedIntoTicketId !== null ? <Caption>Merged into {ticketNumber(ticket.mergedIntoTicketId)}</Caption> : null}
  </Box>
);

const DueCell = ({ ticket }: { ticket: TicketRow }) =>
  ticket.dueDate ? (
    <Typography variant="body2" component="span" color={ticket.overdue ? 'error' : undefined}>
      {formatDate(ticket.dueDate)}
      {ticket.overdue ? <Caption>overdue</Caption> : null}
    </Typography>
  ) : (
    <NoneText>—</NoneText>
  );

/** The fields a list may be sorted by, beyond the sortable column headers. */
export const TICKET_SORT_FIELDS = ['lastActivityAt', 'createdAt', 'priority', 'status', 'dueDate', 'subject'];

interface TicketDatagridProps {
  /** The queue across accounts names each ticket's account and its last activity. */
  showAccount: boolean;
  canWrite: boolean;
  onAction: (action: TicketAction, ticket: TicketRow) => void;
  onOpen: (ticket: TicketRow) => void;
  empty: string;
}

/**
 * The columns both lists share, narrow enough for the account page: the subject opens the ticket,
 * Edit and its menu act on it, the arrow opens its side panel.
 */
export const TicketDatagrid = ({ showAccount, canWrite, onAction, onOpen, empty }: TicketDatagridProps) => (
  <Datagrid
    bulkActionButtons={false}
    rowClick={false}
    empty={<div style={{ padding: 16 }}>{empty}</div>}
    sx={{ '& td, & th': { px: 0.75 }, '& td': { py: 0.75, verticalAlign: 'top' } }}
  >
    <FunctionField<TicketRow>
      source="subject"
      label="Ticket"
      render={(ticket) => <SubjectCell ticket={ticket} showAccount={showAccount} />}
    />
    <FunctionField<TicketRow>
      source="status"
      label="Status"
      render={(ticket) => (
        <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <TicketStatusChip name={ticket.statusName} kind={ticket.statusKind} />
          <PriorityChip priority={ticket.priority} />
        </Stack>
      )}
    />
    <FunctionField<TicketRow>
      label="Assignee"
      sortable={false}
      render={(ticket) => (
        <>
          {ticket.assigneeName ?? <NoneText>Unassigned</NoneText>}
          {ticket.groupName ? <Caption>{ticket.groupName}</Caption> : null}
        </>
      )}
    />
    <FunctionField<TicketRow> source="dueDate" label="Due" render={(ticket) => <DueCell ticket={ticket} />} />
    {showAccount ? (
      <FunctionField<TicketRow> source="lastActivityAt" label="Last activity" render={(ticket) => formatDateTime(ticket.lastActivityAt)} />
    ) : null}
    <FunctionField<TicketRow> label="Linked" sortable={false} render={(ticket) => <LinkCountIcons counts={ticket.linkCounts} />} />
    <FunctionField<TicketRow>
      label=""
      sortable={false}
      textAlign="right"
      render={(ticket) => (
        <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end', alignItems: 'center' }}>
          {canWrite ? <TicketRowActions ticket={ticket} onAction={onAction} /> : null}
          <Tooltip title="Details">
            <IconButton size="small" aria-label={`Details of ticket ${ticketNumber(ticket.id)}`} onClick={() => onOpen(ticket)}>
              <ChevronRightIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      )}
    />
  </Datagrid>
);
