import { Edit, SimpleForm } from 'react-admin';
import { TaxZoneInputs, toTaxZonePayload } from './TaxZoneInputs';

export const TaxZoneEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toTaxZonePayload}>
    <SimpleForm>
      <TaxZoneInputs />
    </SimpleForm>
  </Edit>
);
