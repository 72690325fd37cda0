import { Edit, SimpleForm } from 'react-admin';
import { toPackagePayload } from './packagePayload';
import { PackageInputs } from './PackageInputs';

export const PackageEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toPackagePayload}>
    <SimpleForm>
      <PackageInputs />
    </SimpleForm>
  </Edit>
);
