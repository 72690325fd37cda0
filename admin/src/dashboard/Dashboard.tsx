import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { createElement } from 'react';
import { Link, Title, useCreatePath, useGetIdentity, useGetResourceLabel, usePermissions, useResourceDefinitions } from 'react-admin';
import { menuResources } from '../layout/Menu';
import { canSeeResource } from '../permissions';

/** Placeholder home: a greeting and the resources this staff member can open. */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string[]>();
  const definitions = useResourceDefinitions();
  const createPath = useCreatePath();
  const getResourceLabel = useGetResourceLabel();

  const resources = menuResources.filter((name) => definitions[name] && canSeeResource(permissions, name));

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Dashboard" />
      <CardContent>
        <Typography variant="h5" component="h2" gutterBottom>
          {identity?.fullName ? `Welcome, ${identity.fullName}` : 'Welcome'}
        </Typography>
        {identity?.email ? (
          <Typography variant="body2" color="text.secondary" gutterBottom>
            Signed in as {String(identity.email)}
          </Typography>
        ) : null}
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
      </CardContent>
    </Card>
  );
};
