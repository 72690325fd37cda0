import { BooleanInput, Labeled, required, TextField } from 'react-admin';
import { ColorInput } from '../accountStatuses/ColorInput';
import { ReferenceSearchInput, SettingsCreate, SettingsEdit } from '../common';

const ActiveInput = () => (
  <BooleanInput source="active" label="Bookable" helperText="An inactive technician keeps the jobs already booked but gets no new ones" />
);

const NEW_TECHNICIAN = { color: '#43a047', active: true };

/** A staff user made bookable: who, their colour on the calendar, and whether jobs may be booked on them. */
export const TechnicianCreate = () => (
  <SettingsCreate transform={(data) => ({ userId: data.userId, color: data.color, active: data.active })} defaultValues={NEW_TECHNICIAN}>
    <ReferenceSearchInput
      source="userId"
      reference="users"
      label="Staff user"
      optionText={(user: { name: string; email: string }) => `${user.name} (${user.email})`}
      validate={required()}
      minWidth={320}
    />
    <ColorInput source="color" />
    <ActiveInput />
  </SettingsCreate>
);

/** The user stays; the colour and whether they are bookable change. Delete asks first, and is refused once they were booked. */
export const TechnicianEdit = () => (
  <SettingsEdit transform={(data) => ({ color: data.color, active: data.active })}>
    <Labeled label="Staff user">
      <TextField source="name" />
    </Labeled>
    <Labeled label="Email">
      <TextField source="email" />
    </Labeled>
    <ColorInput source="color" />
    <ActiveInput />
  </SettingsEdit>
);
