import { Edit, SimpleForm } from 'react-admin';
import { TaxInputs, toTaxPayload } from './TaxInputs';

export const TaxEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toTaxPayload}>
    <SimpleForm>
      <TaxInputs />
    </SimpleForm>
  </Edit>
);
