import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import type { MouseEvent } from 'react';
import {
  Datagrid,
  DateTimeInput,
  type Exporter,
  ExportButton,
  FunctionField,
  List,
  SearchInput,
  TextField,
  TopToolbar,
  useNavigate,
  useNotify,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { errorMessage, useBackhaulDataProvider } from '../../dataProvider';
import { useTicketsChanged } from '../../tickets/useTicketsChanged';
import { formatDateTime } from '../../accounts/formatting';
import { downloadRows } from '../csv';
import type { CallLog } from '../types';
import { callLogsResource } from '../resources';
import { type CallLogAction, CallLogRowMenu } from './CallLogRowMenu';
import { formatDuration } from './duration';

const NOTES_PREVIEW_LENGTH = 80;

/** datetime-local value (browser time zone) → ISO 8601 in UTC, as the API filters expect. */
const toIsoString = (value: string) => (value ? new Date(value).toISOString() : null);

const filters = [
  <SearchInput key="q" source="q" placeholder="Subject or notes" alwaysOn />,
  <DateTimeInput key="calledFrom" source="calledFrom" label="From" parse={toIsoString} alwaysOn />,
  <DateTimeInput key="calledTo" source="calledTo" label="To" parse={toIsoString} alwaysOn />,
];

const exporterFor =
  (accountId: number): Exporter<CallLog> =>
  (calls) =>
    downloadRows(
      `call-logs-account-${accountId}`,
      [
        'id',
        'called_at',
        'subject',
        'duration',
        'duration_seconds',
        'attendant',
        'notes',
        'tickets',
        'pending_ticket_requests',
        'logged_by',
      ],
      calls.map((call) => [
        call.id,
        call.calledAt,
        call.subject,
        formatDuration(call.durationSeconds),
        call.durationSeconds,
        call.attendantName,
        call.notes,
        call.tickets.map((ticket) => `#${ticket.id}`).join(' '),
        pendingRequests(call).length,
        call.createdByName,
      ]),
    );

const preview = (notes: string | null): string =>
  !notes ? '' : notes.length > NOTES_PREVIEW_LENGTH ? `${notes.slice(0, NOTES_PREVIEW_LENGTH).trimEnd()}…` : notes;

/** Requests kept before tickets existed and not turned into one yet; a converted one is among the call's tickets. */
const pendingRequests = (callLog: CallLog) => callLog.ticketRequests.filter((request) => request.ticketId === null);

/**
 * The tickets opened from the call, each opening its page, then any ticket request still pending,
 * turned into its ticket with a click (once; a second click opens the same ticket).
 */
const TicketChips = ({ callLog, canOpenTickets }: { callLog: CallLog; canOpenTickets: boolean }) => {
  const dataProvider = useBackhaulDataProvider();
  const navigate = useNavigate();
  const notify = useNotify();
  const changed = useTicketsChanged();
  const convert = async (requestId: number) => {
    try {
      const ticket = await dataProvider.convertTicketRequest(requestId);
      await changed();
      navigate(`/tickets/${ticket.id}/show`);
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  const pending = pendingRequests(callLog);
  return callLog.tickets.length || pending.length ? (
    <Stack direction="row" spacing={0.5} sx={{ mt: 0.5 }}>
      {callLog.tickets.map((ticket) => (
        <Chip
          key={`ticket-${ticket.id}`}
          size="small"
          variant="outlined"
          color="primary"
          clickable
          component={RouterLink}
          to={`/tickets/${ticket.id}/show`}
          onClick={(event: MouseEvent) => event.stopPropagation()}
          label={`Ticket #${ticket.id}`}
          title={`${ticket.visibility === 'internal' ? 'Internal' : 'Public'}: ${ticket.subject}`}
        />
      ))}
      {pending.map((request) => (
        <Chip
          key={`request-${request.id}`}
          size="small"
          variant="outlined"
          label={`${request.kind === 'internal' ? 'Internal' : 'Public'} ticket requested`}
          title={canOpenTickets ? 'Open this ticket now' : request.assigneeName ? `Assigned to ${request.assigneeName}` : 'Unassigned'}
          onClick={
            canOpenTickets
              ? (event: MouseEvent) => {
                  event.stopPropagation();
                  void convert(request.id);
                }
              : undefined
          }
        />
      ))}
    </Stack>
  ) : null;
};

interface CallLogListProps {
  accountId: number;
  canWrite: boolean;
  /** May open tickets from calls (tickets.write). */
  canOpenTickets: boolean;
  onAction: (action: CallLogAction, callLog: CallLog) => void;
  /** A row was clicked: show the call in the side panel. */
  onOpen: (callLog: CallLog) => void;
}

/** The account's calls, newest first, searchable, exportable as CSV. */
export const CallLogList = ({ accountId, canWrite, canOpenTickets, onAction, onOpen }: CallLogListProps) => (
  <List
    resource={callLogsResource(accountId)}
    filters={filters}
    sort={{ field: 'calledAt', order: 'DESC' }}
    perPage={25}
    disableSyncWithLocation
    storeKey={false}
    exporter={exporterFor(accountId)}
    actions={
      <TopToolbar>
        <ExportButton />
      </TopToolbar>
    }
    title={false}
    empty={false}
  >
    <Datagrid
      bulkActionButtons={false}
      rowClick={(_id, _resource, record) => {
        onOpen(record as CallLog);
        return false;
      }}
      empty={<div style={{ padding: 16 }}>No calls logged.</div>}
    >
      <FunctionField<CallLog> source="calledAt" label="Date" render={(call) => formatDateTime(call.calledAt)} />
      <FunctionField<CallLog>
        source="subject"
        label="Subject"
        render={(call) => (
          <>
            {call.subject}
            <TicketChips callLog={call} canOpenTickets={canOpenTickets} />
          </>
        )}
      />
      <FunctionField<CallLog> source="durationSeconds" label="Duration" render={(call) => formatDuration(call.durationSeconds)} />
      <TextField source="attendantName" label="Attendant" sortable={false} />
      <FunctionField<CallLog>
        label="Notes"
        sortable={false}
        render={(call) => (
          <Tooltip title={call.notes ?? ''}>
            <span>{preview(call.notes)}</span>
          </Tooltip>
        )}
      />
      {canWrite || canOpenTickets ? (
        <FunctionField<CallLog>
          label="Actions"
          textAlign="right"
          render={(call) => <CallLogRowMenu callLog={call} onAction={onAction} canWrite={canWrite} canOpenTickets={canOpenTickets} />}
        />
      ) : null}
    </Datagrid>
  </List>
);
