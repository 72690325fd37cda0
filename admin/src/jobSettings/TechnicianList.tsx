import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { BooleanField, BooleanInput, FunctionField, TextField } from 'react-admin';
import { SettingsList } from '../common';
import type { Technician } from '../jobs/types';
import { Permissions } from '../permissions';

/** Settings › Technicians: the staff users jobs can be booked on; read-only without jobs.configure. */
export const TechnicianList = () => (
  <SettingsList<Technician>
    title="Technicians"
    permission={Permissions.JobsConfigure}
    search="Name or email"
    filters={[<BooleanInput key="active" source="active" label="Active only" />]}
  >
    <FunctionField<Technician>
      source="name"
      label="Name"
      render={(technician) => (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: technician.color }} aria-hidden />
          <span>{technician.name}</span>
        </Stack>
      )}
    />
    <TextField source="email" label="Email" sortable={false} />
    <TextField source="color" label="Colour" sortable={false} />
    <BooleanField source="active" label="Bookable" sortable={false} />
    <BooleanField source="userActive" label="Can log in" sortable={false} />
  </SettingsList>
);
