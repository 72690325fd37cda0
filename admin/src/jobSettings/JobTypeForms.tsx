import { SettingsCreate, SettingsEdit } from '../common';
import { JobTypeInputs, jobTypePayload } from './JobTypeInputs';

/** One object for the life of the page, so the form never starts over while it is being filled. */
const NEW_JOB_TYPE = { defaultDurationMinutes: 60, color: '#1e88e5', completionAction: 'none' };

export const JobTypeCreate = () => (
  <SettingsCreate transform={jobTypePayload} defaultValues={NEW_JOB_TYPE}>
    <JobTypeInputs />
  </SettingsCreate>
);

/** Delete asks first; a type some job uses is refused with the server's reason. */
export const JobTypeEdit = () => (
  <SettingsEdit transform={jobTypePayload}>
    <JobTypeInputs />
  </SettingsEdit>
);
