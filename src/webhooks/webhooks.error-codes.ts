export enum WebhooksErrorCode {
  InvalidSignature = 'invalid_signature',
  MalformedEvent = 'malformed_event',
  ProcessingUnavailable = 'processing_unavailable',
}
