import { maxLength, required, TextInput } from 'react-admin';
import { SettingsCreate, SettingsEdit } from '../../common';
import { toManufacturerPayload } from '../payloads';

const ManufacturerInputs = () => <TextInput source="name" validate={[required(), maxLength(100)]} />;

export const ManufacturerCreate = () => (
  <SettingsCreate transform={toManufacturerPayload}>
    <ManufacturerInputs />
  </SettingsCreate>
);

/** Delete is refused while models are still under it. */
export const ManufacturerEdit = () => (
  <SettingsEdit transform={toManufacturerPayload}>
    <ManufacturerInputs />
  </SettingsEdit>
);
