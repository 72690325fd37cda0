import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useAccountChanged } from '../../accounts/useAccountChanged';
import { emailsResource } from '../resources';

/** After an email is written or sent again: the list, and the account's logs. */
export const useEmailsChanged = (accountId: number | string) => {
  const queryClient = useQueryClient();
  const accountChanged = useAccountChanged();
  return useCallback(async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: [emailsResource(accountId)] }), accountChanged()]);
  }, [queryClient, accountChanged, accountId]);
};
