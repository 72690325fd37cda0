export enum TicketDeadlinesErrorCode {
  /** Another holiday is on that date already. */
  HolidayDateTaken = 'ticket_holiday_date_taken',
  /** The group (or the default) has a target for that priority already. */
  TargetTaken = 'ticket_deadline_target_taken',
  /** Temporal did not answer, so the deadline timers were not checked; try again shortly. */
  TimersUnavailable = 'ticket_deadline_timers_unavailable',
}
