import { Datagrid, ExportButton, FunctionField, List, NumberField, SelectInput, TextField, TextInput, TopToolbar } from 'react-admin';
import { formatDateTime } from '../accounts/formatting';
import { EventType, LastError, WEBHOOK_EVENT_STATUS_LABELS, WEBHOOK_EVENT_STATUSES, WebhookEventStatusChip } from './eventWords';
import type { WebhookEvent } from './types';
import { webhookEventExporter } from './webhookEventCsv';

const filters = [
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={WEBHOOK_EVENT_STATUSES.map((status) => ({ id: status, name: WEBHOOK_EVENT_STATUS_LABELS[status] }))}
    alwaysOn
  />,
  // The API matches the type exactly, as the processor names it.
  <TextInput key="type" source="type" label="Type" placeholder="payment_intent.succeeded" alwaysOn />,
];

/** Every event the payment processor sent, newest first, with how far its processing got; a row opens the event. */
export const WebhookEventList = () => (
  <List
    title="Processor events"
    filters={filters}
    sort={{ field: 'receivedAt', order: 'DESC' }}
    perPage={25}
    exporter={webhookEventExporter}
    actions={
      <TopToolbar>
        <ExportButton />
      </TopToolbar>
    }
  >
    <Datagrid bulkActionButtons={false} rowClick="show">
      <FunctionField<WebhookEvent> source="receivedAt" label="Received" render={(event) => formatDateTime(event.receivedAt)} />
      <FunctionField<WebhookEvent> label="Type" sortable={false} render={(event) => <EventType type={event.type} />} />
      <TextField source="objectId" label="Object" sortable={false} emptyText="—" sx={{ overflowWrap: 'anywhere' }} />
      <FunctionField<WebhookEvent> label="Status" sortable={false} render={(event) => <WebhookEventStatusChip status={event.status} />} />
      <TextField source="outcome" label="Outcome" sortable={false} emptyText="" />
      <NumberField source="deliveries" label="Deliveries" sortable={false} />
      <NumberField source="dispatches" label="Handed over" sortable={false} />
      <FunctionField<WebhookEvent> label="Last error" sortable={false} render={(event) => <LastError event={event} />} />
    </Datagrid>
  </List>
);
