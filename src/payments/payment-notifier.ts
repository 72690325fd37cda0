/**
 * Injection token of whoever tells the customer how a card or bank payment ended.
 * Payments defines it; correspondence (which reads payments' rows to write the
 * message) provides it, so payments never imports the templates.
 */
export const PAYMENT_NOTIFIER = Symbol('PAYMENT_NOTIFIER');

/**
 * Called after the settlement has committed, each time a settlement finds the payment
 * final. Never throws: a message that could not be queued must not undo or fail a
 * payment, and each event reaches each contact once however often it is reported.
 */
export interface PaymentNotifier {
  paymentSucceeded(processorPaymentId: number): Promise<void>;
  paymentFailed(processorPaymentId: number): Promise<void>;
}
