import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { components } from '../api/schema';
import { formatDateTime } from '../accounts/formatting';
import { errorMessage, useBackhaulDataProvider } from '../dataProvider';
import { formatSpeeds } from '../billing/common/speeds';

type SessionEnforcement = components['schemas']['AccountSessionEnforcementDto'];
type EnforcementRequest = SessionEnforcement['requests'][number];
type Restriction = NonNullable<SessionEnforcement['restriction']>;

/** How many requests the card lists; the API gives the latest twenty. */
const SHOWN = 5;

const WHY: Record<Restriction['reason'], string> = {
  delinquency: 'the account is delinquent',
  cap: 'its data usage reached the cap of its plan',
};

const what = (request: EnforcementRequest): string => {
  if (request.kind === 'disconnect') return request.purpose === 'restrict' ? 'Disconnect to limit' : 'Disconnect to restore';
  return `${request.purpose === 'restrict' ? 'Limit' : 'Restore'} to ${formatSpeeds(request.downloadKbps, request.uploadKbps)}`;
};

/** ACK green, NAK red with its Error-Cause, a request still unanswered with its tries, a given-up one with why. */
const AnswerChip = ({ request }: { request: EnforcementRequest }) => {
  switch (request.status) {
    case 'acked':
      return <Chip size="small" color="success" variant="outlined" label={request.reply ?? 'ACK'} />;
    case 'naked':
      return (
        <Tooltip title={request.errorCause !== null ? `Error-Cause ${request.errorCause}` : 'No Error-Cause given'}>
          <Chip
            size="small"
            color="error"
            variant="outlined"
            label={`${request.reply ?? 'NAK'}${request.errorCauseText ? `: ${request.errorCauseText}` : ''}`}
          />
        </Tooltip>
      );
    case 'failed':
      return (
        <Tooltip title={request.failure ?? ''}>
          <Chip size="small" variant="outlined" label="Given up" />
        </Tooltip>
      );
    default:
      return (
        <Chip
          size="small"
          color="warning"
          variant="outlined"
          label={`Waiting for the NAS (${request.attempts} ${request.attempts === 1 ? 'try' : 'tries'})`}
        />
      );
  }
};

/**
 * Beside the network status: whether the account's live sessions are limited (delinquent, or slowed at
 * its usage cap) and the latest CoA and Disconnect requests sent to their NAS, with what the NAS answered.
 * Shown once there is something to show.
 */
export const SessionEnforcementPanel = ({ accountId }: { accountId: number }) => {
  const dataProvider = useBackhaulDataProvider();
  const { data, error } = useQuery({
    queryKey: ['session-enforcement', accountId],
    queryFn: () => dataProvider.fetchSessionEnforcement(accountId),
    refetchInterval: (query) => (query.state.data?.requests.some((r) => r.status === 'pending') ? 2_000 : 15_000),
  });

  if (error)
    return (
      <Alert severity="error" variant="outlined" sx={{ mb: 2 }}>
        The session limits could not load: {errorMessage(error)}
      </Alert>
    );
  if (!data || (!data.restriction && data.requests.length === 0)) return null;
  const { restriction } = data;
  return (
    <Paper variant="outlined" role="region" aria-label="Session limits" sx={{ mb: 2, p: 2, overflowX: 'auto' }}>
      <Typography variant="subtitle2" component="h3">
        {restriction
          ? `Sessions limited to ${formatSpeeds(restriction.downloadKbps, restriction.uploadKbps)}: ${WHY[restriction.reason]}`
          : 'Sessions at the speed of the data service'}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {data.openSessions === 1 ? '1 session open' : `${data.openSessions} sessions open`}. New sessions get the same profile from RADIUS.
      </Typography>
      {data.requests.length > 0 ? (
        <Table size="small" aria-label="Requests to the NAS">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Session</TableCell>
              <TableCell>NAS</TableCell>
              <TableCell>Request</TableCell>
              <TableCell>Answer</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.requests.slice(0, SHOWN).map((request) => (
              <TableRow key={request.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(request.answeredAt ?? request.sentAt ?? request.createdAt)}
                </TableCell>
                <TableCell>
                  {request.username}
                  <Typography variant="caption" color="text.secondary" component="div">
                    {request.acctSessionId}
                    {request.framedAddress ? `, ${request.framedAddress}` : ''}
                  </Typography>
                </TableCell>
                <TableCell>{request.nas.name ?? request.nas.address}</TableCell>
                <TableCell>{what(request)}</TableCell>
                <TableCell>
                  <AnswerChip request={request} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Paper>
  );
};
