import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { Datagrid, DateTimeInput, type Exporter, ExportButton, FunctionField, List, SearchInput, TextField, TopToolbar } from 'react-admin';
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
      ['id', 'called_at', 'subject', 'duration', 'duration_seconds', 'attendant', 'notes', 'ticket_requests', 'logged_by'],
      calls.map((call) => [
        call.id,
        call.calledAt,
        call.subject,
        formatDuration(call.durationSeconds),
        call.durationSeconds,
        call.attendantName,
        call.notes,
        call.ticketRequests.length,
        call.createdByName,
      ]),
    );

const preview = (notes: string | null): string =>
  !notes ? '' : notes.length > NOTES_PREVIEW_LENGTH ? `${notes.slice(0, NOTES_PREVIEW_LENGTH).trimEnd()}…` : notes;

const TicketChips = ({ callLog }: { callLog: CallLog }) =>
  callLog.ticketRequests.length ? (
    <Stack direction="row" spacing={0.5} sx={{ mt: 0.5 }}>
      {callLog.ticketRequests.map((request) => (
        <Chip
          key={request.id}
          size="small"
          variant="outlined"
          label={`${request.kind === 'internal' ? 'Internal' : 'Public'} ticket requested`}
          title={request.assigneeName ? `Assigned to ${request.assigneeName}` : 'Unassigned'}
        />
      ))}
    </Stack>
  ) : null;

interface CallLogListProps {
  accountId: number;
  canWrite: boolean;
  onAction: (action: CallLogAction, callLog: CallLog) => void;
  /** A row was clicked: show the call in the side panel. */
  onOpen: (callLog: CallLog) => void;
}

/** The account's calls, newest first, searchable, exportable as CSV. */
export const CallLogList = ({ accountId, canWrite, onAction, onOpen }: CallLogListProps) => (
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
            <TicketChips callLog={call} />
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
      {canWrite ? (
        <FunctionField<CallLog>
          label="Actions"
          textAlign="right"
          render={(call) => <CallLogRowMenu callLog={call} onAction={onAction} />}
        />
      ) : null}
    </Datagrid>
  </List>
);
