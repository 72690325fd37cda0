import { downloadRows } from '../correspondence/csv';
import {
  formatJobAttachments,
  formatJobTechnicians,
  formatJobTicket,
  formatJobWhen,
  formatMinutes,
  JOB_STATUS_LABELS,
} from './jobFormatting';
import type { Job } from './types';

/** The list's columns as the screen shows them, one CSV column for each piece of text. */
export const JOB_CSV_HEADER = ['job_id', 'job_type', 'duration', 'scheduled', 'ticket', 'attachments', 'status', 'technicians'];

export const jobCsvRow = (job: Job): (string | number)[] => [
  job.id,
  job.jobTypeName,
  formatMinutes(job.durationMinutes),
  formatJobWhen(job),
  formatJobTicket(job),
  formatJobAttachments(job),
  JOB_STATUS_LABELS[job.status],
  formatJobTechnicians(job),
];

export const downloadJobsCsv = (filename: string, jobs: Job[]): void => downloadRows(filename, JOB_CSV_HEADER, jobs.map(jobCsvRow));
