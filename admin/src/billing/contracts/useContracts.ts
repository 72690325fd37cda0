import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useBackhaulDataProvider } from '../../dataProvider';

export const contractQueryKeys = {
  list: (accountId: number) => ['contracts', 'account', accountId] as const,
  detail: (contractId: number) => ['contracts', 'detail', contractId] as const,
  templates: ['contract-templates', 'enabled'] as const,
};

export const useAccountContracts = (accountId: number) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({ queryKey: contractQueryKeys.list(accountId), queryFn: () => dataProvider.listContracts(accountId) });
};

export const useContractDetail = (contractId: number | null) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: contractQueryKeys.detail(contractId ?? 0),
    queryFn: () => dataProvider.fetchContract(contractId as number),
    enabled: contractId !== null,
  });
};

/** After any contract action: the list, the details and the logs are fetched again. */
export const useContractsChanged = () => {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      queryClient.invalidateQueries({
        predicate: (query) =>
          query.queryKey[0] === 'contracts' || query.queryKey[0] === 'action-history' || query.queryKey[0] === 'account-tasks',
      }),
    [queryClient],
  );
};
