import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useBackhaulDataProvider } from '../dataProvider';

/** react-query keys of the account's data usage; the first part names what a change refreshes. */
const usageQueryKeys = {
  dataUsage: (accountId: number) => ['data-usage', accountId] as const,
  periods: (accountId: number, count: number) => ['usage-periods', accountId, count] as const,
  hours: (accountId: number, from: Date, to: Date) => ['usage-hours', accountId, from.toISOString(), to.toISOString()] as const,
};

/** The data service, its policy, the current period and the top-off on offer: one query for the tab and the Overview card. */
export const useDataUsage = (accountId: number, options: { enabled?: boolean } = {}) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: usageQueryKeys.dataUsage(accountId),
    queryFn: () => dataProvider.fetchDataUsage(accountId),
    enabled: options.enabled ?? true,
  });
};

/** The last `count` billing periods, newest first. */
export const useUsagePeriods = (accountId: number, count: number) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({ queryKey: usageQueryKeys.periods(accountId, count), queryFn: () => dataProvider.fetchUsagePeriods(accountId, count) });
};

/** The hours of a range that carried traffic. */
export const useUsageHours = (accountId: number, from: Date, to: Date) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: usageQueryKeys.hours(accountId, from, to),
    queryFn: () => dataProvider.fetchUsageHours(accountId, from, to),
  });
};

/** After a top-off or a correction: the allowance and the periods are fetched again. */
export const useUsageChanged = () => {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === 'data-usage' || query.queryKey[0] === 'usage-periods',
      }),
    [queryClient],
  );
};
