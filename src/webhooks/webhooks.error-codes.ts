export enum WebhooksErrorCode {
  InvalidSignature = 'invalid_signature',
  MalformedEvent = 'malformed_event',
  EventSettled = 'webhook_event_settled',
}
