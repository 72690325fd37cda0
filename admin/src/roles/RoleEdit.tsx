import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { DeleteRoleButton } from './DeleteRoleButton';
import { toRolePayload } from './rolePayload';
import { RoleInputs } from './RoleInputs';

const RoleEditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteRoleButton />
  </Toolbar>
);

export const RoleEdit = () => (
  <Edit mutationMode="pessimistic" transform={toRolePayload}>
    <SimpleForm toolbar={<RoleEditToolbar />}>
      <RoleInputs />
    </SimpleForm>
  </Edit>
);
