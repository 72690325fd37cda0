import { useQuery } from '@tanstack/react-query';
import { useBackhaulDataProvider } from '../dataProvider';
import { JOB_DETAIL_KEY } from './useJobsChanged';

/** One job with its links to tasks and files; refreshed whenever a job changes (useJobsChanged). */
export const useJob = (jobId: number | null) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: [JOB_DETAIL_KEY, jobId],
    queryFn: () => dataProvider.fetchJob(jobId as number),
    enabled: jobId !== null,
  });
};
