import { useQuery } from '@tanstack/react-query';
import { fetchChildAccounts } from '../api';
import { billingQueryKeys } from '../common/billingQueryKeys';

export const useChildAccounts = (accountId: number) =>
  useQuery({ queryKey: billingQueryKeys.childAccounts(accountId), queryFn: () => fetchChildAccounts(accountId) });
