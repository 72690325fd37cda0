import SyncIcon from '@mui/icons-material/Sync';
import Alert, { type AlertColor } from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNotify } from 'react-admin';
import type { components } from '../api/schema';
import { formatDateTime } from '../accounts/formatting';
import { RelativeTime } from '../accounts/RelativeTime';
import { errorMessage, useBackhaulDataProvider } from '../dataProvider';
import { Permissions, useHasPermission } from '../permissions';

type NetworkStatus = components['schemas']['AccountNetworkStatusDto'];

const SEVERITY: Record<NetworkStatus['state'], AlertColor> = {
  in_step: 'success',
  applying: 'info',
  waiting_for_server: 'warning',
  not_started: 'warning',
  unknown: 'error',
};

const changes = (n: number) => (n === 1 ? '1 change' : `${n} changes`);

/** "RADIUS account changed (×2), IP address assigned": one clerk's action can leave two rows, the old name's and the new one's. */
const pendingWords = (status: NetworkStatus): string => {
  const counts = new Map<string, number>();
  for (const p of status.pending) counts.set(p.description, (counts.get(p.description) ?? 0) + 1);
  const shown = [...counts].slice(0, 3);
  const more = status.pendingCount - shown.reduce((sum, [, n]) => sum + n, 0);
  const words = shown.map(([description, n]) => (n > 1 ? `${description} (×${n})` : description)).join(', ');
  return more > 0 ? `${words} and ${more} more` : words;
};

/** The time alone when it is today, as a retry nearly always is. */
const when = (iso: string): string => {
  const at = new Date(iso);
  return at.toDateString() === new Date().toDateString() ? at.toLocaleTimeString() : formatDateTime(iso);
};

const LastApplied = ({ status }: { status: NetworkStatus }) =>
  status.lastApplied ? (
    <>
      Last change applied <RelativeTime value={status.lastApplied.appliedAt} />: {status.lastApplied.description}.
    </>
  ) : (
    <>Nothing has been provisioned for this account yet.</>
  );

function words(status: NetworkStatus): { title: string; detail: ReactNode } {
  const { run } = status;
  switch (status.state) {
    case 'in_step':
      return { title: 'In step with the network', detail: <LastApplied status={status} /> };
    case 'applying':
      return { title: `Applying ${changes(status.pendingCount)}`, detail: `${pendingWords(status)}.` };
    case 'waiting_for_server':
      return {
        title: `Waiting for ${run.waitingFor ?? 'a network server'}`,
        detail: (
          <>
            {run.failure}
            <br />
            {status.pendingCount > 0 ? `${changes(status.pendingCount)} waiting: ${pendingWords(status)}. ` : ''}
            Tried {run.attempt} {run.attempt === 1 ? 'time' : 'times'}
            {run.nextAttemptAt ? `; next try at ${when(run.nextAttemptAt)}` : ''}. Nothing is lost: they are applied once it answers.
          </>
        ),
      };
    case 'not_started':
      return {
        title: `${changes(status.pendingCount)} not yet sent to the network`,
        detail: `${pendingWords(status)}. No provisioning run took ${status.pendingCount === 1 ? 'it' : 'them'} (Temporal could not be reached when ${status.pendingCount === 1 ? 'it was' : 'they were'} made); Sync now sends ${status.pendingCount === 1 ? 'it' : 'them'}, and so would the nightly reconciliation.`,
      };
    default:
      return {
        title: 'Provisioning status unknown',
        detail: `${run.failure ?? 'Temporal did not answer'}.${status.pendingCount > 0 ? ` ${changes(status.pendingCount)} pending: ${pendingWords(status)}.` : ''}`,
      };
  }
}

/**
 * At the top of the Network & Inventory tab: whether the servers hold what Backhaul holds for the
 * account. Changes are applied by a workflow after they are saved, so the card asks again often
 * while something is pending, and now and then otherwise.
 */
export const NetworkStatusCard = ({ accountId }: { accountId: number }) => {
  const dataProvider = useBackhaulDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const canManage = useHasPermission(Permissions.NetworkManage);
  const queryKey = ['network-status', accountId];
  const { data: status, error } = useQuery({
    queryKey,
    queryFn: () => dataProvider.fetchNetworkStatus(accountId),
    refetchInterval: (query) => (query.state.data?.state === 'in_step' ? 10_000 : 2_000),
  });
  const sync = useMutation({
    mutationFn: () => dataProvider.syncAccountNetwork(accountId),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKey, next);
      notify('Sync started: the account’s network state is being written to the servers', { type: 'info' });
    },
    onError: (e) => notify(`Sync could not start: ${errorMessage(e)}`, { type: 'error' }),
  });

  if (error)
    return (
      <Alert severity="error" variant="outlined" sx={{ mb: 2 }}>
        The network status could not load: {errorMessage(error)}
      </Alert>
    );
  if (!status) return null;
  const { title, detail } = words(status);
  return (
    <Alert
      severity={SEVERITY[status.state]}
      variant="outlined"
      role="region"
      aria-label="Network status"
      sx={{ mb: 2, alignItems: 'center', '& .MuiAlert-message': { minWidth: 0, overflowWrap: 'anywhere' } }}
      action={
        canManage ? (
          <Button
            color="inherit"
            size="small"
            startIcon={<SyncIcon />}
            disabled={sync.isPending}
            onClick={() => sync.mutate()}
            sx={{ whiteSpace: 'nowrap' }}
          >
            Sync now
          </Button>
        ) : undefined
      }
    >
      <AlertTitle sx={{ mb: 0.25 }}>{title}</AlertTitle>
      <Typography variant="body2" component="div">
        {detail}
      </Typography>
    </Alert>
  );
};
