import { DomainException } from '../common/errors';
import { PaymentsErrorCode } from './payments.error-codes';

/**
 * The processor could not be asked (network, timeout, an outage, our own credentials).
 * Whether a charge happened is unknown, so the payment stays pending and a retry with
 * the same Idempotency-Key asks Stripe again under the same key: it cannot charge twice.
 */
export class ProcessorUnavailableException extends DomainException {
  constructor(message = 'The payment processor did not answer. Nothing was charged twice; try again with the same request.') {
    super(PaymentsErrorCode.ProcessorUnavailable, message);
  }
}

/** The processor answered and refused the request itself (an unknown method, an amount it does not take). */
export class ProcessorRefusedException extends DomainException {
  constructor(message: string, field?: string) {
    super(
      PaymentsErrorCode.ProcessorRefused,
      `The payment processor refused the request: ${message}`,
      field ? [{ field, rule: 'processor', message }] : [],
    );
  }
}

/**
 * The processor did not take the money: a declined card, a refused request. The payment
 * is kept as failed with the processor's reason, and nothing reaches the ledger.
 */
export class PaymentFailedException extends DomainException {
  constructor(
    readonly paymentId: number,
    reason: string,
  ) {
    super(PaymentsErrorCode.PaymentFailed, `Payment ${paymentId} failed: ${reason}`, [
      { field: 'paymentMethodId', rule: 'declined', message: reason },
    ]);
  }
}

/** Another request with the same Idempotency-Key is still waiting for the processor. */
export class PaymentInProgressException extends DomainException {
  constructor(paymentId: number) {
    super(
      PaymentsErrorCode.PaymentInProgress,
      `Payment ${paymentId} made with this Idempotency-Key is still waiting for the processor; ask again in a moment`,
    );
  }
}
