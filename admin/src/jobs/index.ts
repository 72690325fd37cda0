import JobIcon from '@mui/icons-material/BuildOutlined';
import { JobShow } from './JobShow';
import type { Job } from './types';

export { DISPATCH_PATH } from './dispatchPath';
export { DispatchRoute } from './DispatchRoute';
export { jobShowPath } from './jobPath';
export { JobsTab } from './JobsTab';

/** Jobs have no list of their own (they are listed on the account page and the dispatch calendar); a job's page is its show view. */
export const jobs = {
  show: JobShow,
  icon: JobIcon,
  options: { label: 'Jobs' },
  recordRepresentation: (job: Job) => `#${job.id} ${job.jobTypeName}`,
};
