import { Create, SimpleForm } from 'react-admin';
import { TaxInputs, toTaxPayload } from './TaxInputs';

export const TaxCreate = () => (
  <Create redirect="list" transform={toTaxPayload}>
    <SimpleForm defaultValues={{ active: true }}>
      <TaxInputs />
    </SimpleForm>
  </Create>
);
