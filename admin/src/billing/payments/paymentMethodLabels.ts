import type { SavedPaymentMethod } from './types';

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** "Visa ending 4242" or "Checking account ending 6789": how a clerk reads a method back to a customer. */
export const paymentMethodName = (method: Pick<SavedPaymentMethod, 'type' | 'brand' | 'last4' | 'accountType'>): string =>
  method.type === 'card'
    ? `${capitalise(method.brand ?? 'card')} ending ${method.last4}`
    : `${capitalise(method.accountType ?? 'bank')} account ending ${method.last4}`;

export const expiryText = (method: Pick<SavedPaymentMethod, 'expMonth' | 'expYear'>): string =>
  method.expMonth && method.expYear ? `${String(method.expMonth).padStart(2, '0')}/${method.expYear}` : '—';
