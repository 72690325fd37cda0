import { BooleanInput, NumberInput, SelectInput, TextInput, maxLength, minValue, required } from 'react-admin';
import { STATUS_KIND_LABELS, TICKET_STATUS_KINDS } from '../tickets/types';

const KIND_HELP = 'Open: being worked; pending: waiting on the subscriber or someone else; closed: done';

export const TicketStatusInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(60)]} />
    <SelectInput
      source="kind"
      validate={required()}
      choices={TICKET_STATUS_KINDS.map((kind) => ({ id: kind, name: STATUS_KIND_LABELS[kind] }))}
      helperText={KIND_HELP}
    />
    <NumberInput source="position" step={1} validate={minValue(0)} helperText="Order in lists; after the others when left empty" />
    <BooleanInput
      source="isDefault"
      label="Default status"
      helperText="New tickets start in it, and mail that comes back reopens a ticket to it. There is always one, of kind open."
    />
  </>
);

/** What the status forms send: POST and PATCH /api/ticket-statuses. */
export const ticketStatusPayload = (data: Record<string, unknown>) => ({
  name: typeof data.name === 'string' ? data.name.trim() : '',
  kind: data.kind,
  ...(typeof data.position === 'number' ? { position: data.position } : {}),
  isDefault: Boolean(data.isDefault),
});
