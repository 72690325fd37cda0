import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * After a change to an account or what it owns: its logs have a new entry and its
 * custom-field values may differ. The header is not refetched (that would record a view).
 */
export const useAccountChanged = () => {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['action-history'] }),
      queryClient.invalidateQueries({ queryKey: ['account-custom-fields'] }),
    ]);
  }, [queryClient]);
};
