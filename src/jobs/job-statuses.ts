/** The life of a job. `completed` and `cancelled` are final. */
export const JOB_STATUSES = ['not_scheduled', 'scheduled', 'en_route', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The statuses `POST /jobs/:id/status` moves a job to; scheduling has its own routes. */
export const STATUS_MOVES = ['en_route', 'completed', 'failed', 'cancelled'] as const;
export type StatusMove = (typeof STATUS_MOVES)[number];

/** Statuses whose technicians are taken for the job's interval. */
export const BOOKED_STATUSES: readonly JobStatus[] = ['scheduled', 'en_route'];

/** What the panel's action menu may offer for a job. */
export const JOB_ACTIONS = ['schedule', 'unschedule', 'edit', 'delete', 'en_route', 'complete', 'fail', 'cancel', 'link'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/** Each status's actions: the one table every check below reads. */
const ACTIONS_BY_STATUS: Record<JobStatus, readonly JobAction[]> = {
  not_scheduled: ['schedule', 'edit', 'delete', 'cancel', 'link'],
  scheduled: ['schedule', 'unschedule', 'edit', 'en_route', 'complete', 'fail', 'cancel', 'link'],
  en_route: ['complete', 'fail', 'cancel', 'link'],
  failed: ['schedule', 'cancel'],
  completed: [],
  cancelled: [],
};

const ACTION_OF_MOVE: Record<StatusMove, JobAction> = {
  en_route: 'en_route',
  completed: 'complete',
  failed: 'fail',
  cancelled: 'cancel',
};

export function actionsOf(status: JobStatus): JobAction[] {
  return [...ACTIONS_BY_STATUS[status]];
}

export function allows(status: JobStatus, action: JobAction): boolean {
  return ACTIONS_BY_STATUS[status].includes(action);
}

export function actionOfMove(move: StatusMove): JobAction {
  return ACTION_OF_MOVE[move];
}

const STATUS_WORDS: Record<JobStatus, string> = {
  not_scheduled: 'not scheduled',
  scheduled: 'scheduled',
  en_route: 'en route',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

const ACTION_WORDS: Record<JobAction, string> = {
  schedule: 'scheduled',
  unschedule: 'taken off the calendar',
  edit: 'edited',
  delete: 'deleted',
  en_route: 'marked en route',
  complete: 'completed',
  fail: 'marked failed',
  cancel: 'cancelled',
  link: 'given attachments',
};

export function statusInWords(status: JobStatus): string {
  return STATUS_WORDS[status];
}

/** Why an action is refused, in a sentence a clerk understands. */
export function refusalOf(status: JobStatus, action: JobAction): string {
  if (ACTIONS_BY_STATUS[status].length === 0) return `This job is ${STATUS_WORDS[status]}, so it can only be viewed`;
  return `This job is ${STATUS_WORDS[status]}, so it cannot be ${ACTION_WORDS[action]}`;
}
