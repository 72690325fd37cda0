export enum JobsErrorCode {
  /** Another job type has that name already. */
  JobTypeNameTaken = 'job_type_name_taken',
  /** Jobs are of the type, so it cannot be deleted. */
  JobTypeInUse = 'job_type_in_use',
  /** The staff user is a technician already. */
  TechnicianExists = 'technician_exists',
  /** The technician has been booked on jobs, so it can only be deactivated. */
  TechnicianInUse = 'technician_in_use',
  /** A technician is already booked on another job at that time. */
  TechnicianDoubleBooked = 'technician_double_booked',
  /** The job's status does not allow the action (a completed job can only be viewed). */
  JobStatusForbids = 'job_status_forbids',
  /** A job made from a ticket needs the ticket's account, and the ticket has none yet. */
  TicketWithoutAccount = 'job_ticket_without_account',
  /** Temporal did not answer, so the reminders of scheduled jobs were not checked; try again shortly. */
  RemindersUnavailable = 'job_reminders_unavailable',
}
