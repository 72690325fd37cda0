import type { components } from '../../api/schema';
import type { Transaction } from '../../types';

type Schemas = components['schemas'];

/** A card or bank account saved on an account; the number itself stays at Stripe. */
export type SavedPaymentMethod = Schemas['PaymentMethodDto'];
export type PaymentMethodType = SavedPaymentMethod['type'];
export type BankAccountType = NonNullable<SavedPaymentMethod['accountType']>;
export type PaymentMethodChanges = Schemas['UpdatePaymentMethodDto'];
export type ProcessorPayment = Schemas['ProcessorPaymentDto'];

/* The payment history's answer is not described by the OpenAPI document yet; these are the shapes the panel reads. */

export interface ProcessorRefund {
  id: number;
  paymentId: number;
  amount: number;
  status: 'requested' | 'pending' | 'succeeded' | 'failed' | 'canceled';
  stripeRefundId: string | null;
  failureReason: string | null;
  reason: string | null;
  createdAt: string;
}

export interface PaymentDispute {
  id: number;
  stripeDisputeId: string;
  amount: number;
  reason: string;
  status: string;
  paymentReversed: boolean;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/transactions/:id/payment-history */
export interface PaymentHistory {
  transactionId: number;
  processorPayment: ProcessorPayment | null;
  reversals: Transaction[];
  refunds: ProcessorRefund[];
  disputes: PaymentDispute[];
}
