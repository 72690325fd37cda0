import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useBillingChanged } from '../common/useBillingChanged';
import { fetchPaymentMethods, fetchProcessorPayments } from './paymentsApi';

export const paymentQueryKeys = {
  methods: (accountId: number) => ['payment-methods', accountId] as const,
  payments: (accountId: number) => ['processor-payments', accountId] as const,
};

export const usePaymentMethods = (accountId: number) =>
  useQuery({ queryKey: paymentQueryKeys.methods(accountId), queryFn: () => fetchPaymentMethods(accountId) });

export const useProcessorPayments = (accountId: number) =>
  useQuery({ queryKey: paymentQueryKeys.payments(accountId), queryFn: () => fetchProcessorPayments(accountId) });

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
