import type { Transaction } from '../../types';

export type PaymentMethodType = 'card' | 'bank';
export type BankAccountType = 'checking' | 'savings';

/** A card or bank account saved on an account; the number itself stays at Stripe. */
export interface SavedPaymentMethod {
  id: number;
  accountId: number;
  type: PaymentMethodType;
  brand: string | null;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  holderName: string | null;
  accountType: BankAccountType | null;
  autopay: boolean;
  stripePaymentMethodId: string;
}

export interface PaymentMethodChanges {
  holderName?: string | null;
  expMonth?: number;
  expYear?: number;
  accountType?: BankAccountType;
  autopay?: boolean;
}

export interface ProcessorPayment {
  id: number;
  accountId: number;
  method: PaymentMethodType;
  amount: number;
  currency: string;
  date: string;
  status: 'pending' | 'succeeded' | 'failed' | 'refunded' | 'reversed';
  failureReason: string | null;
  stripePaymentIntentId: string | null;
  transactionId: number | null;
  receiptUrl: string | null;
  paymentMethod: { id: number; type: PaymentMethodType; brand: string | null; last4: string };
}

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
