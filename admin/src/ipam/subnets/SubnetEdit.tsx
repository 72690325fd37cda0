import { SettingsCreate, SettingsEdit } from '../../common';
import { toSubnetCreate, toSubnetUpdate } from '../planPayload';
import { SubnetInputs } from './SubnetInputs';

export const SubnetCreate = () => (
  <SettingsCreate transform={toSubnetCreate}>
    <SubnetInputs isCreate />
  </SettingsCreate>
);

/** Delete is refused while pools or assignments are in it. */
export const SubnetEdit = () => (
  <SettingsEdit transform={toSubnetUpdate}>
    <SubnetInputs />
  </SettingsEdit>
);
