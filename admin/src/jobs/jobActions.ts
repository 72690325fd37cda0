import type { RowAction } from '../common';
import type { Job, JobAction } from './types';

/** What the panel offers for a job: the API's actions (links are managed elsewhere) and viewing it. */
export type JobMenuAction = Exclude<JobAction, 'link'> | 'view';

const scheduleLabel = (job: Job): string =>
  job.status === 'scheduled' ? 'Reschedule / reassign' : job.status === 'failed' ? 'Schedule again' : 'Schedule/Assign';

const LABELS: Record<Exclude<JobMenuAction, 'schedule'>, string> = {
  view: 'View details',
  edit: 'Edit',
  unschedule: 'Unschedule',
  en_route: 'Mark en route',
  complete: 'Complete',
  fail: 'Mark failed',
  cancel: 'Cancel job',
  delete: 'Delete',
};

const ORDER: JobMenuAction[] = ['view', 'schedule', 'edit', 'en_route', 'complete', 'fail', 'unschedule', 'cancel', 'delete'];

/** The menu a job's status allows, in a steady order; viewing is always there. */
export const jobMenuItems = (job: Job, canWrite: boolean): RowAction<JobMenuAction>[] =>
  ORDER.filter((action) => action === 'view' || (canWrite && (job.actions as string[]).includes(action))).map((action) => ({
    action,
    label: action === 'schedule' ? scheduleLabel(job) : LABELS[action],
    destructive: action === 'delete' || action === 'cancel',
  }));
