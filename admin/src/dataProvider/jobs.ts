import { answer, api, type Schemas } from './apiClient';

/**
 * Jobs, their scheduling and the dispatch calendar. The lists are the stock provider's (`jobs`,
 * `accounts/:id/jobs`, `job-types`, `technicians`); these are the calls beyond CRUD.
 */
export const jobMethods = {
  fetchJob: (jobId: number) => answer(api.GET('/api/jobs/{id}', { params: { path: { id: jobId } } })),

  createJob: (accountId: number, input: Schemas['CreateJobDto']) =>
    answer(api.POST('/api/accounts/{id}/jobs', { params: { path: { id: accountId } }, body: input })),

  /** PATCH: only the fields given change. */
  updateJob: (jobId: number, input: Schemas['UpdateJobDto']) =>
    answer(api.PATCH('/api/jobs/{id}', { params: { path: { id: jobId } }, body: input })),

  deleteJob: (jobId: number) => answer(api.DELETE('/api/jobs/{id}', { params: { path: { id: jobId } } })),

  /** Schedules, reschedules or reassigns: a 409 names the job a technician is already booked on. */
  scheduleJob: (jobId: number, input: Schemas['ScheduleJobDto']) =>
    answer(api.POST('/api/jobs/{id}/schedule', { params: { path: { id: jobId } }, body: input })),

  unscheduleJob: (jobId: number) => answer(api.POST('/api/jobs/{id}/unschedule', { params: { path: { id: jobId } } })),

  changeJobStatus: (jobId: number, input: Schemas['ChangeJobStatusDto']) =>
    answer(api.POST('/api/jobs/{id}/status', { params: { path: { id: jobId } }, body: input })),

  /** The bookings between two instants, by technician. */
  fetchJobCalendar: (from: string, to: string) => answer(api.GET('/api/jobs/calendar', { params: { query: { from, to } } })),

  fetchJobSettings: () => answer(api.GET('/api/job-settings')),

  updateJobSettings: (input: Schemas['UpdateJobSettingsDto']) => answer(api.PATCH('/api/job-settings', { body: input })),
};
