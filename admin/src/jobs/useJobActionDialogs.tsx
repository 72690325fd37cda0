import { type ReactNode, useCallback, useState } from 'react';
import type { JobMenuAction } from './jobActions';
import { JobDrawer } from './JobDrawer';
import { JobFormDialog } from './JobFormDialog';
import { JobRemovalDialog } from './JobRemovalDialog';
import { JobStatusDialog } from './JobStatusDialog';
import { ScheduleJobDialog } from './ScheduleJobDialog';
import type { Job } from './types';

interface JobActionDialogOptions {
  /** After a job is deleted, e.g. to leave the page of a job that is gone. */
  onDeleted?: (job: Job) => void;
}

/**
 * The dialogs and the side panel behind a job's actions, for any list or page of jobs:
 * `run(action, job)` opens the right one ('view' the side panel), `element` renders them.
 */
export const useJobActionDialogs = (
  canWrite: boolean,
  { onDeleted }: JobActionDialogOptions = {},
): { run: (action: JobMenuAction, job: Job) => void; element: ReactNode } => {
  const [open, setOpen] = useState<{ action: JobMenuAction; job: Job } | null>(null);
  const run = useCallback((action: JobMenuAction, job: Job) => setOpen({ action, job }), []);
  const close = () => setOpen(null);
  const job = open?.job;
  let dialog: ReactNode = null;
  switch (open?.action) {
    case 'schedule':
      dialog = job ? <ScheduleJobDialog job={job} onClose={close} /> : null;
      break;
    case 'edit':
      dialog = job ? <JobFormDialog accountId={job.accountId} job={job} onClose={close} /> : null;
      break;
    case 'delete':
      dialog = job ? <JobRemovalDialog job={job} kind="delete" onDeleted={onDeleted} onClose={close} /> : null;
      break;
    case 'unschedule':
      dialog = job ? <JobRemovalDialog job={job} kind="unschedule" onClose={close} /> : null;
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
      <JobDrawer jobId={open?.action === 'view' ? open.job.id : null} canWrite={canWrite} onAction={run} onClose={close} />
      {dialog}
    </>
  );
  return { run, element };
};
