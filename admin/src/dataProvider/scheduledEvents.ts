import type { DataProvider } from 'react-admin';
import type { ScheduledEvent } from '../types';
import { answer, api, type Schemas } from './apiClient';

const event = (eventId: number) => ({ params: { path: { id: eventId } } });

/** An account's scheduled events: changes that happen on a date. */
export const scheduledEventMethods = (rest: DataProvider) => ({
  fetchScheduledEvents: async (accountId: number): Promise<ScheduledEvent[]> =>
    (
      await rest.getList<ScheduledEvent>(`accounts/${accountId}/scheduled-events`, {
        filter: {},
        sort: { field: 'runAt', order: 'DESC' },
        pagination: { page: 1, perPage: 200 },
      })
    ).data,

  createScheduledEvent: (accountId: number, input: Schemas['CreateScheduledEventDto']) =>
    answer(api.POST('/api/accounts/{id}/scheduled-events', { params: { path: { id: accountId } }, body: input })),

  updateScheduledEvent: (eventId: number, input: Schemas['UpdateScheduledEventDto']) =>
    answer(api.PATCH('/api/scheduled-events/{id}', { ...event(eventId), body: input })),

  cancelScheduledEvent: (eventId: number) => answer(api.POST('/api/scheduled-events/{id}/cancel', event(eventId))),

  /** Carries the event out at once; the answer is the event as it then stands (done, or failed with its reason). */
  performScheduledEventNow: (eventId: number) => answer(api.POST('/api/scheduled-events/{id}/perform-now', event(eventId))),
});
