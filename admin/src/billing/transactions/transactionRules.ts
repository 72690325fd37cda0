import type { Transaction } from '../../types';

/** A charge that can still be reversed (which writes a discount against it). */
export const isReversibleDebit = (transaction: Transaction): boolean =>
  transaction.side === 'debit' &&
  (transaction.kind === 'debit' || transaction.kind === 'adjustment') &&
  transaction.correctedByTransactionId === null;

/** A payment or credit that can still be voided. Corrections themselves are not corrected again. */
export const isVoidableCredit = (transaction: Transaction): boolean =>
  transaction.side === 'credit' &&
  transaction.kind !== 'void' &&
  transaction.correctedByTransactionId === null &&
  transaction.correctsTransactionId === null;

export const hasEditableDescription = (transaction: Transaction): boolean => transaction.side === 'debit' && transaction.kind !== 'void';

export const KIND_LABELS: Record<Transaction['kind'], string> = {
  debit: 'Debit',
  discount: 'Discount',
  payment: 'Payment',
  adjustment: 'Adjustment',
  void: 'Void',
};

const METHOD_LABELS: Record<string, string> = { cash: 'Cash', check: 'Check', wire: 'Wire transfer', card: 'Card', bank: 'Bank debit' };

export const paymentMethodLabel = (method: string | null): string => (method ? (METHOD_LABELS[method] ?? method) : '');

/** Minor units with the sign the balance moves by: credits lower it. */
export const signed = (transaction: Transaction, amount: number): number => (transaction.side === 'credit' ? -amount : amount);
