import { DomainException, FieldError } from '../common/errors';
import { WebhooksErrorCode } from './webhooks.error-codes';

/** The parts of a Stripe event we store and act on, checked. */
export interface WellFormedEvent {
  id: string;
  type: string;
  created: number;
  livemode: boolean;
  data: { object: { id?: unknown } };
}

const EVENT_ID = /^evt_[A-Za-z0-9_]{1,250}$/;
// Stripe's types are dotted lower-case words ("payment_intent.succeeded"); the column holds 100 characters.
const EVENT_TYPE = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;
const MAX_TYPE_LENGTH = 100;
const MAX_OBJECT_ID_LENGTH = 255;
// 2000-01-01 and 2099-12-31 in Unix seconds: the window every date we store falls in.
const EARLIEST_CREATED = 946_684_800;
const LATEST_CREATED = 4_102_444_799;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A correctly signed body is still refused (400, nothing stored) when it is not an
 * event we can store: Stripe never sends one, so it is a bug or a probe, and
 * answering 500 would only have it delivered again and again.
 */
export function wellFormed(event: unknown): WellFormedEvent {
  const problems: FieldError[] = [];
  const body = isObject(event) ? event : {};
  if (!isObject(event)) problems.push({ field: 'body', rule: 'isObject', message: 'the event must be a JSON object' });
  if (typeof body.id !== 'string' || !EVENT_ID.test(body.id)) {
    problems.push({ field: 'id', rule: 'eventId', message: 'id must be a Stripe event id such as evt_123' });
  }
  if (typeof body.type !== 'string' || body.type.length > MAX_TYPE_LENGTH || !EVENT_TYPE.test(body.type)) {
    problems.push({
      field: 'type',
      rule: 'eventType',
      message: `type must be an event type such as payment_intent.succeeded, at most ${MAX_TYPE_LENGTH} characters`,
    });
  }
  if (!Number.isSafeInteger(body.created) || (body.created as number) < EARLIEST_CREATED || (body.created as number) > LATEST_CREATED) {
    problems.push({ field: 'created', rule: 'timestamp', message: 'created must be the Unix time the event was created, in seconds' });
  }
  if (body.livemode !== undefined && typeof body.livemode !== 'boolean') {
    problems.push({ field: 'livemode', rule: 'isBoolean', message: 'livemode must be true or false' });
  }
  if (!isObject(body.data) || !isObject(body.data.object)) {
    problems.push({ field: 'data.object', rule: 'isObject', message: 'data.object must be the object the event is about' });
  }
  const objectId = isObject(body.data) && isObject(body.data.object) ? body.data.object.id : undefined;
  if (typeof objectId === 'string' && objectId.length > MAX_OBJECT_ID_LENGTH) {
    problems.push({
      field: 'data.object.id',
      rule: 'maxLength',
      message: `data.object.id must be at most ${MAX_OBJECT_ID_LENGTH} characters`,
    });
  }
  if (problems.length > 0) {
    throw new DomainException(WebhooksErrorCode.MalformedEvent, `The event is signed but malformed: ${problems[0].message}`, problems);
  }
  return event as WellFormedEvent;
}
