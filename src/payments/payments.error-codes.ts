export enum PaymentsErrorCode {
  ProcessorUnavailable = 'processor_unavailable',
  ProcessorRefused = 'processor_refused',
  PaymentFailed = 'payment_failed',
  PaymentInProgress = 'payment_in_progress',
  PaymentReversed = 'payment_reversed',
  PaymentNotRecorded = 'payment_not_recorded',
  RefundImpossible = 'refund_impossible',
}
