export enum ScheduledEventsErrorCode {
  EventClosed = 'event_closed',
  EventInProgress = 'event_in_progress',
  OneDataService = 'one_data_service',
  RemovalAlreadyScheduled = 'removal_already_scheduled',
  SchedulerUnavailable = 'scheduler_unavailable',
}
