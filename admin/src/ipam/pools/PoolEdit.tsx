import { SettingsCreate, SettingsEdit } from '../../common';
import { toPoolCreate, toPoolUpdate } from '../planPayload';
import { PoolInputs } from './PoolInputs';

export const PoolCreate = () => (
  <SettingsCreate transform={toPoolCreate}>
    <PoolInputs isCreate />
  </SettingsCreate>
);

/** Delete is refused while assignments in its history point at it. */
export const PoolEdit = () => (
  <SettingsEdit transform={toPoolUpdate}>
    <PoolInputs />
  </SettingsEdit>
);
