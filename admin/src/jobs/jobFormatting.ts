import { formatDateTime } from '../accounts/formatting';
import type { Job, JobStatus } from './types';

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  not_scheduled: 'Not scheduled',
  scheduled: 'Scheduled',
  en_route: 'En route',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** 90 → "1 h 30 min", 120 → "2 h", 45 → "45 min". */
export const formatMinutes = (minutes: number): string => {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
};

/** When the job is booked, in the browser's time zone; "Not scheduled" while it has no time. */
export const formatJobWhen = (job: Pick<Job, 'startsAt'>): string => (job.startsAt ? formatDateTime(job.startsAt) : 'Not scheduled');

/** "Ticket #118: No signal since the storm", or empty for a job not made from a ticket. */
export const formatJobTicket = (job: Pick<Job, 'ticketId' | 'ticketSubject'>): string =>
  job.ticketId === null ? '' : `#${job.ticketId}${job.ticketSubject ? ` ${job.ticketSubject}` : ''}`;

/** What is attached to the job, in words: "1 task, notes, 2 files". */
export const formatJobAttachments = (job: Pick<Job, 'taskCount' | 'hasNotes' | 'fileCount'>): string =>
  [
    job.taskCount > 0 ? `${job.taskCount} ${job.taskCount === 1 ? 'task' : 'tasks'}` : null,
    job.hasNotes ? 'notes' : null,
    job.fileCount > 0 ? `${job.fileCount} ${job.fileCount === 1 ? 'file' : 'files'}` : null,
  ]
    .filter(Boolean)
    .join(', ');

export const formatJobTechnicians = (job: Pick<Job, 'technicians'>): string =>
  job.technicians.map((technician) => technician.name).join(', ');

/** An instant as a datetime-local input shows it, in the browser's time zone. */
export const toLocalInput = (date: Date): string => {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
};
