import { SettingsCreate, SettingsEdit } from '../../common';
import { toSupernetCreate, toSupernetUpdate } from '../planPayload';
import { SupernetInputs } from './SupernetInputs';

export const SupernetCreate = () => (
  <SettingsCreate transform={toSupernetCreate}>
    <SupernetInputs isCreate />
  </SettingsCreate>
);

/** Delete is refused while subnets are still in it. */
export const SupernetEdit = () => (
  <SettingsEdit transform={toSupernetUpdate}>
    <SupernetInputs />
  </SettingsEdit>
);
