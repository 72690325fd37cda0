/** #/jobs/12/show, a job's own page: the link staff share and reload. */
export const jobShowPath = (jobId: number | string): string => `/jobs/${jobId}/show`;
