/**
 * Injection token of whoever tells the customer how a card or bank payment ended.
 * Payments defines it; correspondence (which reads payments' rows to write the
 * message) provides it, so payments never imports the templates.
 */
export const PAYMENT_NOTIFIER = Symbol('PAYMENT_NOTIFIER');

/**
 * Called after a settlement has committed, with the payments it found final
 * (succeeded or failed), each time it finds them so. Never throws: a message that
 * could not be queued must not undo or fail a payment, and each payment's outcome
 * reaches each contact once however often it is reported.
 */
export interface PaymentNotifier {
  paymentsSettled(processorPaymentIds: number[]): Promise<void>;
}
