import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useBillingChanged } from '../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

export const paymentQueryKeys = {
  methods: (accountId: number) => ['payment-methods', accountId] as const,
  payments: (accountId: number) => ['processor-payments', accountId] as const,
  config: ['payments-config'] as const,
};

/** Set at the server's start: read once a session. */
export const usePaymentsConfig = () => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({ queryKey: paymentQueryKeys.config, queryFn: () => dataProvider.fetchPaymentsConfig(), staleTime: Infinity });
};

export const usePaymentMethods = (accountId: number) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({ queryKey: paymentQueryKeys.methods(accountId), queryFn: () => dataProvider.fetchPaymentMethods(accountId) });
};

export const useProcessorPayments = (accountId: number) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({ queryKey: paymentQueryKeys.payments(accountId), queryFn: () => dataProvider.fetchProcessorPayments(accountId) });
};

/** After a change to methods or a payment: our own lists, and everything a payment moves on the billing pages. */
export const usePaymentsChanged = (accountId: number) => {
  const queryClient = useQueryClient();
  const billingChanged = useBillingChanged();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: paymentQueryKeys.methods(accountId) }),
      queryClient.invalidateQueries({ queryKey: paymentQueryKeys.payments(accountId) }),
      billingChanged(),
    ]);
  }, [queryClient, billingChanged, accountId]);
};
