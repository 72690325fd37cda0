import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** A card or bank account saved on an account; the number itself stays at Stripe. */
export type SavedPaymentMethod = Schemas['PaymentMethodDto'];
export type PaymentMethodType = SavedPaymentMethod['type'];
export type BankAccountType = NonNullable<SavedPaymentMethod['accountType']>;
export type PaymentMethodChanges = Schemas['UpdatePaymentMethodDto'];
export type ProcessorPayment = Schemas['ProcessorPaymentDto'];
export type TestPaymentMethod = Schemas['TestPaymentMethodDto'];

export type ProcessorRefund = Schemas['ProcessorRefundResponseDto'];
export type PaymentDispute = Schemas['PaymentDisputeResponseDto'];
/** GET /api/transactions/:id/payment-history */
export type PaymentHistory = Schemas['PaymentHistoryResponseDto'];
