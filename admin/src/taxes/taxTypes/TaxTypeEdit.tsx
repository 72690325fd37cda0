import { Edit, SimpleForm } from 'react-admin';
import { TaxTypeInputs, toTaxTypePayload } from './TaxTypeInputs';

export const TaxTypeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toTaxTypePayload}>
    <SimpleForm>
      <TaxTypeInputs />
    </SimpleForm>
  </Edit>
);
