import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { FunctionField, NumberField, TextField } from 'react-admin';
import { SettingsList } from '../common';
import { formatMinutes } from '../jobs/jobFormatting';
import type { JobType } from '../jobs/types';
import { Permissions } from '../permissions';

/** Settings › Job types; read-only without jobs.configure. */
export const JobTypeList = () => (
  <SettingsList<JobType> title="Job types" permission={Permissions.JobsConfigure} search="Name">
    <FunctionField<JobType>
      source="name"
      label="Name"
      render={(type) => (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Box sx={{ width: 14, height: 14, borderRadius: '3px', bgcolor: type.color }} aria-hidden />
          <span>{type.name}</span>
        </Stack>
      )}
    />
    <FunctionField<JobType>
      source="defaultDurationMinutes"
      label="Default duration"
      render={(type) => formatMinutes(type.defaultDurationMinutes)}
    />
    <TextField source="color" label="Colour" sortable={false} />
    <FunctionField<JobType>
      label="On completion"
      sortable={false}
      render={(type) =>
        type.completionAction === 'activate_account' ? `Activate the account (${type.activationStatusName ?? '—'})` : 'Nothing'
      }
    />
    <NumberField source="jobCount" label="Jobs" sortable={false} />
  </SettingsList>
);
