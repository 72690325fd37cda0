import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useAccountChanged } from '../../accounts/useAccountChanged';
import { callLogsResource } from '../resources';

/** After a call log changes: its list, and the account's logs (which now hold the change). */
export const useCallLogsChanged = (accountId: number | string) => {
  const queryClient = useQueryClient();
  const accountChanged = useAccountChanged();
  return useCallback(async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: [callLogsResource(accountId)] }), accountChanged()]);
  }, [queryClient, accountChanged, accountId]);
};
