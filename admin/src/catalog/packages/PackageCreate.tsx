import { Create, SimpleForm } from 'react-admin';
import { toPackagePayload } from './packagePayload';
import { PackageInputs } from './PackageInputs';

export const PackageCreate = () => (
  <Create redirect="list" transform={toPackagePayload}>
    <SimpleForm defaultValues={{ active: true, items: [{ quantity: 1 }] }}>
      <PackageInputs />
    </SimpleForm>
  </Create>
);
