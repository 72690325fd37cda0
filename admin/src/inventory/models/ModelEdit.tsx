import { SettingsCreate, SettingsEdit } from '../../common';
import { toModelCreate, toModelUpdate } from '../payloads';
import { ModelInputs } from './ModelInputs';

export const ModelCreate = () => (
  <SettingsCreate transform={toModelCreate} defaultValues={{ macCount: 1, serialRequired: true, fields: [] }}>
    <ModelInputs isCreate />
  </SettingsCreate>
);

/** Delete is refused while items of the model exist. */
export const ModelEdit = () => (
  <SettingsEdit transform={toModelUpdate}>
    <ModelInputs />
  </SettingsEdit>
);
