import { apiPath, getJson, listQuery, sendJson } from '../../../billing/api/request';
import { httpClient } from '../../../dataProvider';

export type ScheduledEventKind =
  'add_service' | 'remove_service' | 'add_package' | 'remove_package' | 'change_status' | 'set_price_override' | 'clear_price_override';

export type ScheduledEventState = 'scheduled' | 'done' | 'cancelled' | 'failed';

/** GET /api/accounts/:id/scheduled-events; money in minor units. */
export interface ScheduledEvent {
  id: number;
  accountId: number;
  kind: ScheduledEventKind;
  summary: string;
  runAt: string;
  state: ScheduledEventState;
  failureReason: string | null;
  serviceId: number | null;
  packageId: number | null;
  accountServiceId: number | null;
  quantity: number | null;
  priceOverride: number | null;
  accountStatusId: number | null;
  /** null: the billing settings decide when it runs. */
  prorate: boolean | null;
  revision: number;
  workflowId: string | null;
  createdByEmail: string | null;
  actedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
}

/** The kind's fields; null clears one on an edit. */
export interface ScheduledEventFields {
  serviceId?: number | null;
  packageId?: number | null;
  accountServiceId?: number | null;
  quantity?: number | null;
  priceOverride?: number | null;
  accountStatusId?: number | null;
  prorate?: boolean | null;
}

export const scheduledEventsKey = (accountId: number) => ['scheduled-events', accountId] as const;

export const fetchScheduledEvents = (accountId: number): Promise<ScheduledEvent[]> =>
  getJson(`${apiPath`/accounts/${accountId}/scheduled-events`}?${listQuery({}, ['runAt', 'DESC'], [0, 199])}`);

export const createScheduledEvent = (
  accountId: number,
  input: ScheduledEventFields & { kind: ScheduledEventKind; runAt: string },
): Promise<ScheduledEvent> => sendJson('POST', apiPath`/accounts/${accountId}/scheduled-events`, input);

export const updateScheduledEvent = async (id: number, input: ScheduledEventFields & { runAt?: string }): Promise<ScheduledEvent> =>
  (
    await httpClient(apiPath`/scheduled-events/${id}`, {
      method: 'PATCH',
      headers: new Headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(input),
    })
  ).json as ScheduledEvent;

export const cancelScheduledEvent = (id: number): Promise<ScheduledEvent> => sendJson('POST', apiPath`/scheduled-events/${id}/cancel`);

/** Carries the event out at once; the answer is the event as it then stands (done, or failed with its reason). */
export const performScheduledEventNow = (id: number): Promise<ScheduledEvent> =>
  sendJson('POST', apiPath`/scheduled-events/${id}/perform-now`);
