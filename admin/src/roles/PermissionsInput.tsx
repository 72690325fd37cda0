import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CheckboxGroupInput, useGetList, useRecordContext } from 'react-admin';
import type { PermissionDefinition } from '../types';

const PermissionLabel = () => {
  const permission = useRecordContext<PermissionDefinition>();
  if (!permission) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column', py: 0.5 }}>
      <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }}>
        {permission.id}
      </Typography>
      <Typography component="span" variant="caption" color="text.secondary">
        {permission.description}
      </Typography>
    </Box>
  );
};

/** Checkboxes for the API's permission catalogue (GET /api/permissions), sorted so domains group together. */
export const PermissionsInput = () => {
  const { data, isPending, error } = useGetList<PermissionDefinition>('permissions', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
  });

  if (error) {
    return (
      <Alert severity="error" sx={{ my: 1 }}>
        Could not load the permission list: {error.message}
      </Alert>
    );
  }

  return (
    <CheckboxGroupInput
      source="permissions"
      choices={data ?? []}
      isPending={isPending}
      optionText={<PermissionLabel />}
      translateChoice={false}
      row={false}
      sx={{
        '& .MuiFormGroup-root': {
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
          columnGap: 2,
        },
      }}
    />
  );
};
