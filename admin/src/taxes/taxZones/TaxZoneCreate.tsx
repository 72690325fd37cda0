import { Create, SimpleForm } from 'react-admin';
import { TaxZoneInputs, toTaxZonePayload } from './TaxZoneInputs';

export const TaxZoneCreate = () => (
  <Create redirect="list" transform={toTaxZonePayload}>
    <SimpleForm>
      <TaxZoneInputs />
    </SimpleForm>
  </Create>
);
