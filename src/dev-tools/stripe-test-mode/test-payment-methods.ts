/**
 * Stripe's documented test payment methods (https://docs.stripe.com/testing), each with
 * what Stripe's test mode does when it is charged. Both the local Stripe test mode and
 * the panel's test-card picker read this one list, so they cannot disagree.
 */

/** Stripe's refusal, as its API words it: `code`, `decline_code` and the sentence. */
export interface TestRefusal {
  code: string;
  declineCode: string | null;
  message: string;
}

export interface TestCard {
  kind: 'card';
  token: string;
  label: string;
  brand: string;
  last4: string;
  funding: 'credit' | 'debit';
  /** null: the charge succeeds. */
  decline: TestRefusal | null;
}

export interface TestBankAccount {
  kind: 'bank';
  token: string;
  label: string;
  last4: string;
  /** null: the debit settles; otherwise it is `processing` first and then fails with this. */
  failure: TestRefusal | null;
}

export type TestPaymentMethod = TestCard | TestBankAccount;

const card = (
  token: string,
  label: string,
  brand: string,
  last4: string,
  decline: TestRefusal | null = null,
  funding: 'credit' | 'debit' = 'credit',
): TestCard => ({
  kind: 'card',
  token,
  label,
  brand,
  last4,
  funding,
  decline,
});

const declined = (declineCode: string, message = 'Your card was declined.', code = 'card_declined'): TestRefusal => ({
  code,
  declineCode,
  message,
});

export const TEST_CARDS: readonly TestCard[] = [
  card('pm_card_visa', 'Visa, succeeds', 'visa', '4242'),
  card('pm_card_visa_debit', 'Visa debit, succeeds', 'visa', '5556', null, 'debit'),
  card('pm_card_mastercard', 'Mastercard, succeeds', 'mastercard', '4444'),
  card('pm_card_mastercard_debit', 'Mastercard debit, succeeds', 'mastercard', '8210', null, 'debit'),
  card('pm_card_amex', 'American Express, succeeds', 'amex', '8431'),
  card('pm_card_discover', 'Discover, succeeds', 'discover', '1117'),
  card('pm_card_chargeDeclined', 'Declined (generic decline)', 'visa', '0002', declined('generic_decline')),
  card(
    'pm_card_chargeDeclinedInsufficientFunds',
    'Declined (insufficient funds)',
    'visa',
    '9995',
    declined('insufficient_funds', 'Your card has insufficient funds.'),
  ),
  card('pm_card_chargeDeclinedLostCard', 'Declined (lost card)', 'visa', '9987', declined('lost_card')),
  card('pm_card_chargeDeclinedStolenCard', 'Declined (stolen card)', 'visa', '9979', declined('stolen_card')),
  card(
    'pm_card_chargeDeclinedExpiredCard',
    'Declined (expired card)',
    'visa',
    '0069',
    declined('expired_card', 'Your card has expired.', 'expired_card'),
  ),
  card(
    'pm_card_chargeDeclinedIncorrectCvc',
    'Declined (incorrect CVC)',
    'visa',
    '0127',
    declined('incorrect_cvc', 'Your card’s security code is incorrect.', 'incorrect_cvc'),
  ),
  card(
    'pm_card_chargeDeclinedProcessingError',
    'Declined (processing error)',
    'visa',
    '0119',
    declined('processing_error', 'An error occurred while processing your card. Try again in a little bit.', 'processing_error'),
  ),
  card('pm_card_chargeDeclinedFraudulent', 'Declined (fraudulent)', 'visa', '0019', declined('fraudulent')),
];

/** Stripe's older spelling of the insufficient-funds card, still accepted by its API. */
const ALIASES: Record<string, string> = { pm_card_visa_chargeDeclinedInsufficientFunds: 'pm_card_chargeDeclinedInsufficientFunds' };

const bankFailure = (code: string, message: string): TestRefusal => ({ code, declineCode: null, message });

export const TEST_BANK_ACCOUNTS: readonly TestBankAccount[] = [
  { kind: 'bank', token: 'pm_usBankAccount_success', label: 'Checking, settles', last4: '6789', failure: null },
  {
    kind: 'bank',
    token: 'pm_usBankAccount_accountClosed',
    label: 'Checking, fails later (account closed)',
    last4: '1113',
    failure: bankFailure('payment_method_account_closed', 'The customer’s bank account has been closed.'),
  },
  {
    kind: 'bank',
    token: 'pm_usBankAccount_insufficientFunds',
    label: 'Checking, fails later (insufficient funds)',
    last4: '2227',
    failure: bankFailure('payment_method_insufficient_funds', 'The customer’s account has insufficient funds to cover this payment.'),
  },
  {
    kind: 'bank',
    token: 'pm_usBankAccount_debitNotAuthorized',
    label: 'Checking, fails later (debit not authorized)',
    last4: '3335',
    failure: bankFailure('payment_method_debit_not_authorized', 'The customer notified their bank that this payment was unauthorized.'),
  },
];

const BY_TOKEN = new Map<string, TestPaymentMethod>([...TEST_CARDS, ...TEST_BANK_ACCOUNTS].map((method) => [method.token, method]));

/** Looks like one of Stripe's test tokens, known or not. */
export const isTestToken = (id: string): boolean => /^pm_(card_|usBankAccount_)/.test(id);

/** The documented test method a token names; undefined for a token Stripe does not know. */
export const testPaymentMethod = (token: string): TestPaymentMethod | undefined => BY_TOKEN.get(ALIASES[token] ?? token);
