import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { DateField, Edit, Labeled, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { StaffUser } from '../types';
import { toUserPayload } from './userPayload';
import { UserInputs } from './UserInputs';

/** Save only: users are deactivated with the Active switch, never deleted. */
const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const LockedNotice = () => {
  const record = useRecordContext<StaffUser>();
  if (!record?.lockedUntil || new Date(record.lockedUntil) <= new Date()) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }}>
      Locked after failed logins until {new Date(record.lockedUntil).toLocaleString()}.
    </Alert>
  );
};

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={toUserPayload}>
    <SimpleForm toolbar={<UserEditToolbar />}>
      <LockedNotice />
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
