import { AutocompleteArrayInput, BooleanInput, ReferenceArrayInput, TextInput, email, maxLength, required } from 'react-admin';
import { optionalText, searchByName } from '../common';
import type { TicketGroup } from '../tickets/types';

export const TicketGroupInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} />
    <TextInput
      source="inboundAddress"
      label="Inbound address"
      type="email"
      validate={email('One email address, e.g. support@example.net')}
      helperText="Mail to it opens or continues tickets in this group; replies go out with it as Reply-To"
    />
    <ReferenceArrayInput
      source="memberUserIds"
      reference="users"
      filter={{ active: true }}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={500}
    >
      <AutocompleteArrayInput
        label="Members"
        optionText="name"
        filterToQuery={searchByName}
        helperText="Told when the group's tickets pass a deadline"
      />
    </ReferenceArrayInput>
    <BooleanInput source="disabled" helperText="Kept on its tickets, but no longer offered for new ones" />
  </>
);

/** The group as the form holds it: its members as user ids. */
export const ticketGroupFormValues = (group: TicketGroup) => ({ ...group, memberUserIds: group.members.map((member) => member.userId) });

/** What the group forms send: POST and PATCH /api/ticket-groups. */
export const ticketGroupPayload = (data: Record<string, unknown>) => ({
  name: typeof data.name === 'string' ? data.name.trim() : '',
  inboundAddress: optionalText(data.inboundAddress),
  disabled: Boolean(data.disabled),
  memberUserIds: Array.isArray(data.memberUserIds) ? data.memberUserIds.map(Number) : [],
});
