import { useGetList } from 'react-admin';
import type { AccountService } from '../../types';

/** The account's services and packages, current ones first; removed ones only when asked for. */
export const useAccountServices = (accountId: number, includeRemoved = false) =>
  useGetList<AccountService>('account-services', {
    filter: { accountId, includeRemoved },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'id', order: 'ASC' },
  });
