import type { VoiceCall } from './types';

/** E.164 digits as people write them: a + before the country code. A withheld caller or an extension stays as the switch wrote it. */
export const formatPhoneNumber = (digits: string): string => (/^\d{6,15}$/.test(digits) ? `+${digits}` : digits);

/** Seconds as m:ss (h:mm:ss past an hour), the way call lengths are read. */
export const formatCallLength = (seconds: number): string => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
};

/** Billed time in minutes, to two decimals (the unit invoices count in). */
export const formatMinutes = (seconds: number): string => `${(seconds / 60).toFixed(2)} min`;

export const DIRECTION_LABELS: Record<VoiceCall['direction'], string> = { inbound: 'Inbound', outbound: 'Outbound' };

/** Where the call stands with billing: not yet on an invoice, or settled with its free and charged parts. */
export const formatSettlement = (call: VoiceCall): string => {
  if (call.settlementId === null) return 'Not billed yet';
  const included = call.includedSeconds ?? 0;
  const charged = call.chargedSeconds ?? 0;
  if (charged === 0) return 'Included';
  if (included === 0) return 'Charged';
  return `${formatCallLength(included)} included, ${formatCallLength(charged)} charged`;
};

/**
 * A per-minute rate as the deck wrote it (a decimal of the currency, often finer than a cent):
 * shown with the currency's symbol and every significant decimal, never rounded to cents.
 */
export const formatRate = (rate: string, currency: string | undefined): string => {
  const [whole, fraction = ''] = rate.split('.');
  const decimals = Math.max(2, fraction.replace(/0+$/, '').length);
  if (!currency) return rate;
  const symbol = new Intl.NumberFormat(undefined, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
    .formatToParts(0)
    .find((part) => part.type === 'currency')?.value;
  return `${symbol ?? `${currency} `}${whole}.${fraction.padEnd(decimals, '0').slice(0, decimals)}/min`;
};
