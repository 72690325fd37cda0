import CodeIcon from '@mui/icons-material/Code';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Datagrid, ExportButton, FunctionField, List, NumberInput, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { formatBytes, formatDateTime } from '../accounts/formatting';
import { Permissions, useHasPermission } from '../permissions';
import { CheckMailboxButton } from './CheckMailboxButton';
import { inboundMessagesExporter } from './inboundCsv';
import { INBOUND_STATUS_LABELS } from './inboundOutcome';
import { InboundStatusChip } from './InboundStatusChip';
import { OutcomeCell } from './OutcomeCell';
import { RawMessageDialog } from './RawMessageDialog';
import { INBOUND_MESSAGE_STATUSES, type InboundMessage } from './types';

const filters = [
  <SearchInput key="q" source="q" placeholder="Sender, subject or reason" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={INBOUND_MESSAGE_STATUSES.map((status) => ({ id: status, name: INBOUND_STATUS_LABELS[status] }))}
    alwaysOn
  />,
  <NumberInput key="ticketId" source="ticketId" label="Ticket #" min={1} step={1} alwaysOn sx={{ width: 130 }} />,
];

/** An address that may break after its @ when the column is narrow, rather than in the middle of the domain. */
const Address = ({ address }: { address: string }) => {
  const at = address.lastIndexOf('@');
  return (
    <span style={{ overflowWrap: 'anywhere' }}>
      {at > 0 ? (
        <>
          {address.slice(0, at + 1)}
          <wbr />
          {address.slice(at + 1)}
        </>
      ) : (
        address
      )}
    </span>
  );
};

const Dash = () => (
  <Typography variant="body2" color="text.secondary" component="span">
    —
  </Typography>
);

/**
 * Every message the helpdesk mailbox offered, newest first: who sent it, what it was about, and what became of it
 * (on which ticket, or why it was kept aside). Those who configure tickets read a message as it came.
 */
export const InboundMessageList = () => {
  const canCheck = useHasPermission(Permissions.TicketsWrite);
  const canReadRaw = useHasPermission(Permissions.TicketsConfigure);
  const [raw, setRaw] = useState<InboundMessage | null>(null);
  return (
    <>
      <List
        title="Inbound mail"
        filters={filters}
        sort={{ field: 'receivedAt', order: 'DESC' }}
        perPage={25}
        exporter={inboundMessagesExporter}
        actions={
          <TopToolbar>
            {canCheck ? <CheckMailboxButton /> : null}
            <ExportButton />
          </TopToolbar>
        }
        empty={false}
      >
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<div style={{ padding: 16 }}>No mail matches.</div>}>
          <FunctionField<InboundMessage>
            source="receivedAt"
            label="Received"
            render={(message) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(message.receivedAt)}</span>}
          />
          <FunctionField<InboundMessage>
            source="fromAddress"
            label="From"
            render={(message) => (message.fromAddress ? <Address address={message.fromAddress} /> : <Dash />)}
          />
          <FunctionField<InboundMessage>
            source="subject"
            label="Subject"
            render={(message) =>
              message.subject ? (
                <Typography variant="body2" sx={{ overflowWrap: 'anywhere', maxWidth: 360 }}>
                  {message.subject}
                </Typography>
              ) : (
                <Dash />
              )
            }
          />
          <FunctionField<InboundMessage>
            source="status"
            label="Status"
            render={(message) => <InboundStatusChip status={message.status} />}
          />
          <FunctionField<InboundMessage> label="Outcome" sortable={false} render={(message) => <OutcomeCell message={message} />} />
          <FunctionField<InboundMessage>
            source="sizeBytes"
            label="Size"
            textAlign="right"
            render={(message) => <span style={{ whiteSpace: 'nowrap' }}>{formatBytes(message.sizeBytes)}</span>}
          />
          {canReadRaw ? (
            <FunctionField<InboundMessage>
              label=""
              textAlign="right"
              render={(message) =>
                message.rawKept ? (
                  <Tooltip title="View as received">
                    <IconButton size="small" aria-label={`View message #${message.id} as received`} onClick={() => setRaw(message)}>
                      <CodeIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                ) : (
                  <Tooltip title="Not downloaded: over the size limit">
                    <Typography variant="caption" color="text.secondary">
                      not kept
                    </Typography>
                  </Tooltip>
                )
              }
            />
          ) : null}
        </Datagrid>
      </List>
      {raw ? <RawMessageDialog message={raw} onClose={() => setRaw(null)} /> : null}
    </>
  );
};
