import Stack from '@mui/material/Stack';
import { DateField, Edit, Labeled, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { toUserPayload } from './userPayload';
import { UserInputs } from './UserInputs';

/** Save only: users are deactivated with the Active switch, never deleted. */
const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={toUserPayload}>
    <SimpleForm toolbar={<UserEditToolbar />}>
      <UserInputs />
      <Stack direction="row" spacing={4}>
        <Labeled label="Last login">
          <DateField source="lastLoginAt" showTime emptyText="Never" />
        </Labeled>
        <Labeled label="Created">
          <DateField source="createdAt" showTime />
        </Labeled>
      </Stack>
    </SimpleForm>
  </Edit>
);
