import { useQuery } from '@tanstack/react-query';
import { useBackhaulDataProvider } from '../dataProvider';

/** GET /api/accounts/:id/custom-fields, shared by the Overview card and the Custom Fields tab. */
export const useAccountCustomFields = (accountId: number | string) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: ['account-custom-fields', String(accountId)],
    queryFn: () => dataProvider.fetchAccountCustomFields(Number(accountId)),
  });
};
