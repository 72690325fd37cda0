import { Permissions, useHasPermission } from '../permissions';
import { TopOffButton } from './TopOffButton';
import { useDataUsage } from './useDataUsage';

/** "Data top off" beside the other ways to charge the account, where its usage policy offers one. */
export const DataTopOffAction = ({ accountId, currency }: { accountId: number; currency: string | undefined }) => {
  const canReadUsage = useHasPermission(Permissions.NetworkRead);
  const { data } = useDataUsage(accountId, { enabled: canReadUsage });
  return <TopOffButton accountId={accountId} offer={data?.topOff} currency={currency} label="Data top off" icon={false} />;
};
