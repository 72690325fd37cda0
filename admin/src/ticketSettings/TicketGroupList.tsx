import { BooleanField, FunctionField, NullableBooleanInput, TextField } from 'react-admin';
import { NoneText, SettingsList } from '../common';
import { Permissions } from '../permissions';
import type { TicketGroup } from '../tickets/types';

/** The teams tickets go to, each with its members and the address its mail comes in on. */
export const TicketGroupList = () => (
  <SettingsList<TicketGroup>
    title="Ticket groups"
    permission={Permissions.TicketsConfigure}
    search="Name"
    filters={[
      <NullableBooleanInput
        key="disabled"
        source="disabled"
        label="Disabled"
        trueLabel="Disabled"
        falseLabel="In use"
        nullLabel="All"
        alwaysOn
      />,
    ]}
  >
    <TextField source="name" label="Name" />
    <FunctionField<TicketGroup> label="Inbound address" sortable={false} render={(group) => group.inboundAddress ?? <NoneText />} />
    <FunctionField<TicketGroup>
      label="Members"
      sortable={false}
      render={(group) => (group.members.length ? group.members.map((member) => member.name).join(', ') : <NoneText />)}
    />
    <BooleanField source="disabled" label="Disabled" sortable={false} />
    <TextField source="ticketCount" label="Tickets" sortable={false} />
  </SettingsList>
);
