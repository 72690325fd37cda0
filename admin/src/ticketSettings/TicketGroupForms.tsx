import { Create, Edit, SimpleForm, useRecordContext } from 'react-admin';
import type { TicketGroup } from '../tickets/types';
import { TicketGroupInputs, ticketGroupFormValues, ticketGroupPayload } from './TicketGroupInputs';

export const TicketGroupCreate = () => (
  <Create redirect="list" transform={ticketGroupPayload}>
    <SimpleForm defaultValues={{ disabled: false, memberUserIds: [] }}>
      <TicketGroupInputs />
    </SimpleForm>
  </Create>
);

/** The form gets the members as ids, which is what the API takes back. */
const GroupForm = () => {
  const group = useRecordContext<TicketGroup>();
  if (!group) return null;
  return (
    <SimpleForm record={ticketGroupFormValues(group)}>
      <TicketGroupInputs />
    </SimpleForm>
  );
};

/** Pessimistic, so Delete asks first; a group tickets use is refused (disable it instead). */
export const TicketGroupEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={ticketGroupPayload}>
    <GroupForm />
  </Edit>
);
