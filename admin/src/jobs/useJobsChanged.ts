import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useAccountChanged } from '../accounts/useAccountChanged';

/** The query key of the dispatch calendar's bookings. */
export const JOB_CALENDAR_KEY = 'job-calendar';
/** The query key of one job with its links (the side panel). */
export const JOB_DETAIL_KEY = 'job-detail';

const isJobList = (key: unknown): boolean => key === 'jobs' || (typeof key === 'string' && /^accounts\/[^/]+\/jobs$/.test(key));

/** After a job changes: every jobs list, the calendar, the job's own panel and the account's logs. */
export const useJobsChanged = () => {
  const queryClient = useQueryClient();
  const accountChanged = useAccountChanged();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ predicate: (query) => isJobList(query.queryKey[0]) }),
      queryClient.invalidateQueries({ queryKey: [JOB_CALENDAR_KEY] }),
      queryClient.invalidateQueries({ queryKey: [JOB_DETAIL_KEY] }),
      accountChanged(),
    ]);
  }, [queryClient, accountChanged]);
};
