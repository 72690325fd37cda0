import { maxLength, required, TextInput } from 'react-admin';
import { SettingsCreate, SettingsEdit } from '../../common';
import { toStockLocationPayload } from '../payloads';

const StockLocationInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} helperText="A warehouse, a van, a technician's shelf" />
    <TextInput source="description" multiline minRows={2} validate={maxLength(200)} />
  </>
);

export const StockLocationCreate = () => (
  <SettingsCreate transform={toStockLocationPayload}>
    <StockLocationInputs />
  </SettingsCreate>
);

/** Delete is refused while items are still kept there. */
export const StockLocationEdit = () => (
  <SettingsEdit transform={toStockLocationPayload}>
    <StockLocationInputs />
  </SettingsEdit>
);
