import { BooleanField, FunctionField, NumberField, SelectInput, TextField } from 'react-admin';
import { SettingsList } from '../common';
import { Permissions } from '../permissions';
import { TicketStatusChip } from '../tickets/TicketChips';
import { STATUS_KIND_LABELS, TICKET_STATUS_KINDS, type TicketStatus } from '../tickets/types';

/** Ticket statuses in the order lists show them; read only without tickets.configure. */
export const TicketStatusList = () => (
  <SettingsList<TicketStatus>
    title="Ticket statuses"
    permission={Permissions.TicketsConfigure}
    search="Name"
    sort={{ field: 'position', order: 'ASC' }}
    filters={[
      <SelectInput
        key="kind"
        source="kind"
        label="Kind"
        choices={TICKET_STATUS_KINDS.map((kind) => ({ id: kind, name: STATUS_KIND_LABELS[kind] }))}
        alwaysOn
      />,
    ]}
  >
    <NumberField source="position" label="Position" />
    <FunctionField<TicketStatus>
      source="name"
      label="Name"
      render={(status) => <TicketStatusChip name={status.name} kind={status.kind} />}
    />
    <FunctionField<TicketStatus> source="kind" label="Kind" render={(status) => STATUS_KIND_LABELS[status.kind]} />
    <BooleanField source="isDefault" label="Default" sortable={false} />
    <TextField source="ticketCount" label="Tickets" sortable={false} />
  </SettingsList>
);
