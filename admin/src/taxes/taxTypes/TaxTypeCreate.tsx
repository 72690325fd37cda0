import { Create, SimpleForm } from 'react-admin';
import { TaxTypeInputs, toTaxTypePayload } from './TaxTypeInputs';

export const TaxTypeCreate = () => (
  <Create redirect="list" transform={toTaxTypePayload}>
    <SimpleForm>
      <TaxTypeInputs />
    </SimpleForm>
  </Create>
);
