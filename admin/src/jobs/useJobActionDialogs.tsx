import { type ReactNode, useCallback, useState } from 'react';
import type { JobMenuAction } from './jobActions';
import { JobDrawer } from './JobDrawer';
import { JobFormDialog } from './JobFormDialog';
import { JobRemovalDialog } from './JobRemovalDialog';
import { JobStatusDialog } from './JobStatusDialog';
import { ScheduleJobDialog } from './ScheduleJobDialog';
import type { Job } from './types';

type Open = { action: JobMenuAction; job: Job } | { action: 'view'; jobId: number } | null;

/**
 * The dialogs and the side panel behind a job's actions, for any list of jobs: `run(action, job)`
 * opens the right one, `view(jobId)` the side panel of a job known by its id, `element` renders them.
 */
export const useJobActionDialogs = (
  canWrite: boolean,
): { run: (action: JobMenuAction, job: Job) => void; view: (jobId: number) => void; element: ReactNode } => {
  const [open, setOpen] = useState<Open>(null);
  const run = useCallback((action: JobMenuAction, job: Job) => setOpen({ action, job }), []);
  const view = useCallback((jobId: number) => setOpen({ action: 'view', jobId }), []);
  const close = () => setOpen(null);
  const job = open && 'job' in open ? open.job : undefined;
  const viewed = open?.action === 'view' ? ('jobId' in open ? open.jobId : (job?.id ?? null)) : null;
  let dialog: ReactNode = null;
  switch (open?.action) {
    case 'schedule':
      dialog = job ? <ScheduleJobDialog job={job} onClose={close} /> : null;
      break;
    case 'edit':
      dialog = job ? <JobFormDialog accountId={job.accountId} job={job} onClose={close} /> : null;
      break;
    case 'delete':
    case 'unschedule':
      dialog = job ? <JobRemovalDialog job={job} kind={open?.action === 'delete' ? 'delete' : 'unschedule'} onClose={close} /> : null;
      break;
    case 'en_route':
      dialog = job ? <JobStatusDialog job={job} status="en_route" onClose={close} /> : null;
      break;
    case 'complete':
      dialog = job ? <JobStatusDialog job={job} status="completed" onClose={close} /> : null;
      break;
    case 'fail':
      dialog = job ? <JobStatusDialog job={job} status="failed" onClose={close} /> : null;
      break;
    case 'cancel':
      dialog = job ? <JobStatusDialog job={job} status="cancelled" onClose={close} /> : null;
      break;
    default:
      dialog = null;
  }
  const element = (
    <>
      <JobDrawer jobId={viewed} canWrite={canWrite} onAction={run} onClose={close} />
      {dialog}
    </>
  );
  return { run, view, element };
};
