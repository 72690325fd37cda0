import { answer, api } from './apiClient';

/** The processor events' inbox: what waits in it, and handing one to processing again. */
export const webhookMethods = {
  fetchWebhookInbox: () => answer(api.GET('/api/webhook-events/inbox')),

  redispatchWebhookEvent: (id: string) => answer(api.POST('/api/webhook-events/{id}/redispatch', { params: { path: { id } } })),
};
