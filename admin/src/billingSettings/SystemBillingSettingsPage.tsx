import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title } from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';
import { SystemBillingSettingsForm } from './SystemBillingSettingsForm';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';

/** #/billing-settings: one form for the system row; read-only without billing.configure. */
export const SystemBillingSettingsPage = () => {
  const dataProvider = useBackhaulDataProvider();
  const canEdit = useHasPermission(Permissions.BillingConfigure);
  const { data, error, refetch, dataUpdatedAt } = useQuery({
    queryKey: ['system-billing-settings'],
    queryFn: dataProvider.fetchSystemBillingSettings,
  });
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="Billing settings" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Every account inherits these settings unless its account type or the account itself overrides them.
      </Typography>
      {error ? <Alert severity="error">{toApiProblem(error).message}</Alert> : null}
      {!data && !error ? <Loading /> : null}
      {/* Keyed by fetch time, so the form restarts from what was saved. */}
      {data ? <SystemBillingSettingsForm key={dataUpdatedAt} settings={data} canEdit={canEdit} onSaved={() => void refetch()} /> : null}
    </Box>
  );
};
