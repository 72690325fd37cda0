import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Title, useGetIdentity, usePermissions } from 'react-admin';
import { useBackhaulDataProvider } from '../dataProvider';
import { hasPermission, Permissions } from '../permissions';
import { DashboardCards } from './DashboardCards';
import { ResourceLinks } from './ResourceLinks';

/** The billing team's home: the day's figures, each leading to the list behind it. */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const { permissions, isPending: permissionsPending } = usePermissions<string[]>();
  const canSeeFigures = hasPermission(permissions, Permissions.BillingRead);
  const dataProvider = useBackhaulDataProvider();
  const { data, error, isPending } = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => dataProvider.fetchDashboard(),
    enabled: canSeeFigures,
  });

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="Dashboard" />
      <Typography variant="h5" component="h1" gutterBottom>
        {identity?.fullName ? `Welcome, ${identity.fullName}` : 'Welcome'}
      </Typography>
      {permissionsPending ? null : !canSeeFigures ? (
        <ResourceLinks />
      ) : error ? (
        <Alert severity="error">The figures could not be loaded: {error instanceof Error ? error.message : String(error)}</Alert>
      ) : isPending || !data ? (
        <CircularProgress aria-label="Loading the figures" />
      ) : (
        <DashboardCards figures={data} />
      )}
    </Box>
  );
};
