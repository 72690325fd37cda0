import { SettingsCreate, SettingsEdit } from '../common';
import { NasDeviceInputs } from './NasDeviceInputs';
import { toNasDevicePayload } from './nasTypes';

export const NasDeviceCreate = () => (
  <SettingsCreate transform={toNasDevicePayload} defaultValues={{ nasType: 'other', coaPort: 3799, disconnectToLimit: false }}>
    <NasDeviceInputs isCreate />
  </SettingsCreate>
);

export const NasDeviceEdit = () => (
  <SettingsEdit transform={toNasDevicePayload}>
    <NasDeviceInputs />
  </SettingsEdit>
);
