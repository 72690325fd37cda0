import type { PaymentMethodType } from './types';

/** Hands back Stripe's PaymentMethod id when the dialog saves; rejects with a sentence for the clerk. */
export type CollectPaymentMethod = () => Promise<string>;

export interface PaymentMethodCollectorProps {
  accountId: number;
  type: PaymentMethodType;
  /** A way to collect once the details are complete; null while they are not. */
  onReady: (collect: CollectPaymentMethod | null) => void;
}
