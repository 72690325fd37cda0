import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type WebhookEvent = Schemas['WebhookEventDto'];
export type WebhookEventStatus = WebhookEvent['status'];
export type WebhookInboxFigures = Schemas['WebhookInboxFiguresDto'];
