import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import EditIcon from '@mui/icons-material/Edit';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Title, useNotify, useParams } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { accountTabPath } from '../accounts/accountTabPath';
import { errorMessage, useBackhaulDataProvider } from '../dataProvider';
import { Permissions, useHasPermission } from '../permissions';
import { AssignTicketDialog } from './AssignTicketDialog';
import { Conversation } from './Conversation';
import { CreateJobDialog } from './CreateJobDialog';
import { CreateTicketDialog } from './CreateTicketDialog';
import { EditTicketDialog } from './EditTicketDialog';
import { LinkDialog } from './LinkDialog';
import { MergeTicketDialog } from './MergeTicketDialog';
import { RecipientsDialog } from './RecipientsDialog';
import { ReplyBox } from './ReplyBox';
import { TicketStatusChip } from './TicketChips';
import { TicketSidePanel } from './TicketSidePanel';
import { PRIORITY_LABELS, TICKET_PRIORITIES, type Ticket, type TicketPriority, ticketNumber } from './types';
import { useTicket } from './useTicket';
import { useAssignees, useTicketStatuses } from './useTicketLookups';
import { useTicketsChanged } from './useTicketsChanged';

type Dialog = 'edit' | 'assign' | 'merge' | 'recipients' | 'child' | 'link' | 'job' | null;

/** Status, priority and assignee, changed where they are shown. */
const QuickFields = ({ ticket, editable }: { ticket: Ticket; editable: boolean }) => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const changed = useTicketsChanged();
  const { statuses } = useTicketStatuses();
  const assignees = useAssignees();
  const [saving, setSaving] = useState(false);

  const save = async (patch: { statusId?: number; priority?: TicketPriority; assigneeUserId?: number | null }, notice: string) => {
    setSaving(true);
    try {
      await dataProvider.updateTicket(ticket.id, patch);
      await changed();
      notify(notice, { type: 'success' });
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  const field = { select: true, fullWidth: false, size: 'small' as const, disabled: !editable || saving, sx: { width: 200 } };
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5 }}>
      <TextField
        {...field}
        label="Status"
        value={statuses.length ? String(ticket.statusId) : ''}
        onChange={(event) => {
          const status = statuses.find((candidate) => candidate.id === Number(event.target.value));
          if (status) void save({ statusId: status.id }, `Status: ${status.name}`);
        }}
        slotProps={{ select: { renderValue: () => <TicketStatusChip name={ticket.statusName} kind={ticket.statusKind} /> } }}
      >
        {statuses.map((status) => (
          <MenuItem key={status.id} value={String(status.id)}>
            <TicketStatusChip name={status.name} kind={status.kind} />
          </MenuItem>
        ))}
      </TextField>
      <TextField
        {...field}
        label="Priority"
        value={ticket.priority}
        onChange={(event) =>
          void save(
            { priority: event.target.value as TicketPriority },
            `Priority: ${PRIORITY_LABELS[event.target.value as TicketPriority]}`,
          )
        }
      >
        {TICKET_PRIORITIES.map((priority) => (
          <MenuItem key={priority} value={priority}>
            {PRIORITY_LABELS[priority]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        {...field}
        label="Assignee"
        value={ticket.assigneeUserId === null ? '' : String(ticket.assigneeUserId)}
        onChange={(event) => {
          const userId = event.target.value === '' ? null : Number(event.target.value);
          const name = assignees.find((option) => option.id === userId)?.name;
          void save({ assigneeUserId: userId }, userId === null ? 'Unassigned' : `Assigned to ${name ?? 'them'}`);
        }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        sx={{ width: 240 }}
      >
        <MenuItem value="">
          <em>Unassigned</em>
        </MenuItem>
        {ticket.assigneeUserId !== null && !assignees.some((option) => option.id === ticket.assigneeUserId) ? (
          <MenuItem value={String(ticket.assigneeUserId)}>{ticket.assigneeName ?? `User ${ticket.assigneeUserId}`}</MenuItem>
        ) : null}
        {assignees.map((option) => (
          <MenuItem key={option.id} value={String(option.id)}>
            {option.name}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
};

const MoreActions = ({ items, onChoose }: { items: { dialog: Dialog; label: string }[]; onChoose: (dialog: Dialog) => void }) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        endIcon={<ArrowDropDownIcon />}
        aria-haspopup="menu"
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        More actions
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {items.map((item) => (
          <MenuItem
            key={item.label}
            onClick={() => {
              setAnchor(null);
              onChoose(item.dialog);
            }}
          >
            {item.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

const TicketPage = ({ ticket }: { ticket: Ticket }) => {
  const canWrite = useHasPermission(Permissions.TicketsWrite);
  const canCreateJob = useHasPermission(Permissions.JobsWrite);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const merged = ticket.mergedInto !== null;
  const editable = canWrite && !merged;
  const more: { dialog: Dialog; label: string }[] = [
    { dialog: 'assign', label: 'Assign' },
    { dialog: 'merge', label: 'Merge into another ticket' },
    { dialog: 'recipients', label: 'Edit recipients' },
    { dialog: 'child', label: 'Add child ticket' },
    ...(ticket.accountId !== null ? [{ dialog: 'link' as const, label: 'Link a task, file or item' }] : []),
    ...(canCreateJob && ticket.accountId !== null ? [{ dialog: 'job' as const, label: 'Create job' }] : []),
  ];

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title={`Ticket ${ticketNumber(ticket.id)}`} />
      {ticket.mergedInto ? (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" component={RouterLink} to={`/tickets/${ticket.mergedInto.id}/show`}>
              Open {ticketNumber(ticket.mergedInto.id)}
            </Button>
          }
        >
          This ticket was merged into {ticketNumber(ticket.mergedInto.id)} “{ticket.mergedInto.subject}”. It is kept to read; replies and
          changes go on {ticketNumber(ticket.mergedInto.id)}.
        </Alert>
      ) : null}
      <Paper sx={{ p: 2, mb: 2 }} component="section" aria-label="Ticket header">
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}
        >
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
              <Typography component="span" variant="h5" color="text.secondary" sx={{ mr: 1 }}>
                {ticketNumber(ticket.id)}
              </Typography>{' '}
              {ticket.subject}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {ticket.accountId !== null ? (
                <Link component={RouterLink} to={accountTabPath(ticket.accountId, 'tickets')} underline="hover">
                  {ticket.accountName ?? `Account ${ticket.accountId}`}
                </Link>
              ) : (
                'No account yet'
              )}
              {ticket.groupName ? ` · ${ticket.groupName}` : ''}
            </Typography>
          </Box>
          {editable ? (
            <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
              <Button variant="outlined" size="small" startIcon={<EditIcon />} onClick={() => setDialog('edit')}>
                Edit
              </Button>
              <MoreActions items={more} onChoose={setDialog} />
            </Stack>
          ) : null}
        </Stack>
        <Box sx={{ mt: 2 }}>
          <QuickFields ticket={ticket} editable={editable} />
        </Box>
      </Paper>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack spacing={2}>
            <Conversation ticket={ticket} />
            {editable ? <ReplyBox key={ticket.id} ticket={ticket} onEditRecipients={() => setDialog('recipients')} /> : null}
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <TicketSidePanel
            ticket={ticket}
            canWrite={canWrite}
            onEditRecipients={() => setDialog('recipients')}
            onAddChild={() => setDialog('child')}
            onLink={() => setDialog('link')}
          />
        </Grid>
      </Grid>
      {dialog === 'edit' ? <EditTicketDialog ticketId={ticket.id} onClose={close} /> : null}
      {dialog === 'assign' ? <AssignTicketDialog ticket={ticket} onClose={close} /> : null}
      {dialog === 'merge' ? <MergeTicketDialog ticket={ticket} openSurvivor onClose={close} /> : null}
      {dialog === 'recipients' ? <RecipientsDialog ticketId={ticket.id} onClose={close} /> : null}
      {dialog === 'child' ? (
        <CreateTicketDialog
          accountId={ticket.accountId}
          parent={{ id: ticket.id, subject: ticket.subject }}
          openAfter={false}
          onClose={close}
        />
      ) : null}
      {dialog === 'link' && ticket.accountId !== null ? <LinkDialog ticket={ticket} accountId={ticket.accountId} onClose={close} /> : null}
      {dialog === 'job' ? <CreateJobDialog ticket={ticket} onClose={close} /> : null}
    </Box>
  );
};

/** The ticket's own page: #/tickets/:id/show. */
export const TicketShow = () => {
  const { id } = useParams();
  const { data, error } = useTicket(id ? Number(id) : null);
  if (error)
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        Could not load the ticket: {errorMessage(error)}
      </Alert>
    );
  if (!data) return <Skeleton variant="rounded" height={480} sx={{ mt: 2 }} />;
  return <TicketPage ticket={data} />;
};
