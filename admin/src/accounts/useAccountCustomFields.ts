import { useQuery } from '@tanstack/react-query';
import { fetchAccountCustomFields } from '../dataProvider';

/** GET /api/accounts/:id/custom-fields, shared by the Overview card and the Custom Fields tab. */
export const useAccountCustomFields = (accountId: number | string) =>
  useQuery({ queryKey: ['account-custom-fields', String(accountId)], queryFn: () => fetchAccountCustomFields(accountId) });
