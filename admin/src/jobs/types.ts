import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** GET /api/jobs, /api/accounts/:id/jobs (see docs/jobs.md). */
export type Job = Schemas['JobResponseDto'];
/** GET /api/jobs/:id: the job with its links to tasks and files. */
export type JobDetail = Schemas['JobDetailResponseDto'];
export type JobStatus = Job['status'];
export type JobAction = Job['actions'][number];
export type JobType = Schemas['JobTypeResponseDto'];
export type Technician = Schemas['TechnicianResponseDto'];
export type JobCalendar = Schemas['JobCalendarResponseDto'];
export type CalendarBooking = Schemas['CalendarBookingDto'];
export type CalendarTechnician = Schemas['CalendarTechnicianDto'];
/** The statuses a job moves to through POST /api/jobs/:id/status. */
export type JobStatusChange = Schemas['ChangeJobStatusDto']['status'];

export const JOB_STATUSES = [
  'not_scheduled',
  'scheduled',
  'en_route',
  'completed',
  'failed',
  'cancelled',
] as const satisfies readonly JobStatus[];

/** The account's jobs list for the data provider: GET /api/accounts/:id/jobs in simple-REST. */
export const accountJobsResource = (accountId: number | string): string => `accounts/${accountId}/jobs`;

/** Every job, for the dispatch page. */
export const JOBS_RESOURCE = 'jobs';
