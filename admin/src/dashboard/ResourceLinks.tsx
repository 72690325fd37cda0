import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { createElement } from 'react';
import { Link, useCreatePath, useGetResourceLabel, usePermissions, useResourceDefinitions } from 'react-admin';
import { menuResources } from '../layout/Menu';
import { canSeeResource } from '../permissions';

/** The resources this staff member can open, for those who may not see the billing figures. */
export const ResourceLinks = () => {
  const { permissions } = usePermissions<string[]>();
  const definitions = useResourceDefinitions();
  const createPath = useCreatePath();
  const getResourceLabel = useGetResourceLabel();
  const resources = menuResources.filter((name) => definitions[name] && canSeeResource(permissions, name));
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }} component="nav" aria-label="Resources">
      {resources.map((name) => {
        const icon = definitions[name].icon;
        return (
          <Button
            key={name}
            component={Link}
            to={createPath({ resource: name, type: 'list' })}
            variant="outlined"
            startIcon={icon ? createElement(icon) : undefined}
          >
            {getResourceLabel(name, 2)}
          </Button>
        );
      })}
    </Stack>
  );
};
