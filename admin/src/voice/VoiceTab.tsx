import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useGetList, useRefresh } from 'react-admin';
import type { AccountTabProps } from '../accounts/accountTabs';
import { useAccountCurrency } from '../billing/figures/useBillingFigures';
import { useBackhaulDataProvider } from '../dataProvider';
import { Permissions, useHasPermission } from '../permissions';
import { CallsCard } from './CallsCard';
import { DidsCard } from './DidsCard';
import { accountDidsResource, type DidHolding } from './types';

/** The Billing › Voice sub-tab: the account's numbers (DIDs) and its call detail records. */
export const VoiceTab = ({ account }: AccountTabProps) => {
  const canRead = useHasPermission(Permissions.VoiceRead);
  const dataProvider = useBackhaulDataProvider();
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  const currency = useAccountCurrency(account.id);
  const { data: services = [] } = useQuery({
    queryKey: ['voice-services', account.id],
    queryFn: () => dataProvider.fetchVoiceServices(account.id),
    enabled: canRead,
  });
  // Every number the account has held, for the call list's number filter.
  const { data: numbers = [] } = useGetList<DidHolding>(
    accountDidsResource(account.id),
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'assignedAt', order: 'DESC' } },
    { enabled: canRead },
  );

  if (!canRead) return <Alert severity="info">Seeing phone numbers and calls needs the voice.read permission.</Alert>;

  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: ['voice-services', account.id] });
    refresh();
  };

  return (
    <Stack sx={{ gap: 2 }}>
      <DidsCard accountId={account.id} services={services} onChanged={changed} />
      <CallsCard accountId={account.id} numbers={numbers} currency={currency} />
    </Stack>
  );
};
