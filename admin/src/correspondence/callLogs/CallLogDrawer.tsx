import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../accounts/formatting';
import { DetailList } from '../../billing/common/DetailList';
import { DetailsDrawer } from '../../common/DetailsDrawer';
import type { CallLog } from '../types';
import { formatDuration } from './duration';

/** A call in the side panel: when, how long, who took it, its whole notes and the tickets it asked for. */
export const CallLogDrawer = ({ callLog, onClose }: { callLog: CallLog | null; onClose: () => void }) => {
  const pending = callLog ? callLog.ticketRequests.filter((request) => request.ticketId === null) : [];
  const rows: [string, ReactNode][] = callLog
    ? [
        ['Called', formatDateTime(callLog.calledAt)],
        ['Duration', formatDuration(callLog.durationSeconds)],
        ['Attendant', callLog.attendantName],
        ['Logged by', callLog.createdByName],
        ['Logged', formatDateTime(callLog.createdAt)],
        ['Last changed', formatDateTime(callLog.updatedAt)],
        [
          'Tickets',
          callLog.tickets.length
            ? callLog.tickets.map((ticket) => `#${ticket.id} ${ticket.subject} (${ticket.visibility})`).join('; ')
            : 'None',
        ],
        [
          'Tickets requested',
          pending.length
            ? pending
                .map(
                  (request) =>
                    `${request.kind === 'internal' ? 'Internal' : 'Public'}: ${request.subject} (${request.assigneeName ?? 'unassigned'})`,
                )
                .join('; ')
            : 'None pending',
        ],
      ]
    : [];
  return (
    <DetailsDrawer title={callLog ? `Call: ${callLog.subject}` : null} onClose={onClose}>
      <DetailList rows={rows} label="Call details" />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        Notes
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {callLog?.notes || 'No notes.'}
      </Typography>
    </DetailsDrawer>
  );
};
