import { useQuery } from '@tanstack/react-query';
import { fetchAccountBillingConfig } from '../api';
import { billingQueryKeys } from '../common/billingQueryKeys';

export const useAccountBillingConfig = (accountId: number) =>
  useQuery({ queryKey: billingQueryKeys.billingConfig(accountId), queryFn: () => fetchAccountBillingConfig(accountId) });
