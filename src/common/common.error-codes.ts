/** Failures any route can give, whatever the domain. */
export enum CommonErrorCode {
  NotFound = 'not_found',
  ValidationFailed = 'validation_failed',
  /** An Idempotency-Key came back with a different request than the one it was first used for. */
  IdempotencyKeyReused = 'idempotency_key_reused',
}
