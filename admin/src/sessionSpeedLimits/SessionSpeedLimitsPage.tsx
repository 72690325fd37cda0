import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title } from 'react-admin';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';
import { Permissions, useHasPermission } from '../permissions';
import { SessionSpeedLimitsForm } from './SessionSpeedLimitsForm';

/** #/session-speed-limits: the speed a delinquent account's sessions run at; read-only without network.configure. */
export const SessionSpeedLimitsPage = () => {
  const dataProvider = useBackhaulDataProvider();
  const canEdit = useHasPermission(Permissions.NetworkConfigure);
  const { data, error, refetch, dataUpdatedAt } = useQuery({
    queryKey: ['session-enforcement-settings'],
    queryFn: () => dataProvider.fetchSessionEnforcementSettings(),
  });
  return (
    <Box sx={{ mt: 2, mb: 4, maxWidth: 760 }}>
      <Title title="Session speed limits" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        While an account is in a delinquency status, its internet sessions are slowed to this speed instead of being cut off. The sessions
        it has open are changed on their NAS, and each new login gets the same speed.
      </Typography>
      {error ? <Alert severity="error">{toApiProblem(error).message}</Alert> : null}
      {!data && !error ? <Loading /> : null}
      {/* Keyed by fetch time, so the form restarts from what was saved. */}
      {data ? <SessionSpeedLimitsForm key={dataUpdatedAt} settings={data} canEdit={canEdit} onSaved={() => void refetch()} /> : null}
    </Box>
  );
};
