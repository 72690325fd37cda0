import { currencyFractionDigits, formatMoney } from '../money/formatMoney';
import type { CallDirection, CdrFile, CdrFileStatus, CdrFormat, CdrRejectReason, DidState } from './types';

/** A rate's micro-units are millionths of the currency unit. */
const MICRO_DIGITS = 6;
/** Carriers quote a minute to four places ($0.0100); a finer rate shows every digit it has. */
const RATE_MIN_DIGITS = 4;

/**
 * A rate a minute as the carrier wrote it, never rounded to cents: 4500 micro-units read
 * "$0.0045", 10000 "$0.0100", 12345 "$0.012345". BigInt, so no digit is lost to a float.
 */
export const formatRate = (rateMicro: number, currency: string, locale?: string): string => {
  const fewest = Math.min(MICRO_DIGITS, Math.max(RATE_MIN_DIGITS, currencyFractionDigits(currency)));
  let amount = BigInt(rateMicro);
  let digits = MICRO_DIGITS;
  while (digits > fewest && amount % 10n === 0n) {
    amount /= 10n;
    digits -= 1;
  }
  return formatMoney(amount, currency, locale, { fractionDigits: digits });
};

/** Billed seconds as carriers write them, minimum/increment: "30/6", "60/60". */
export const billingIncrements = (minimumSeconds: number, incrementSeconds: number): string => `${minimumSeconds}/${incrementSeconds}`;

export const DIRECTION_LABELS: Record<CallDirection, string> = { inbound: 'Inbound', outbound: 'Outbound' };

export const DID_STATE_LABELS: Record<DidState, string> = {
  available: 'Available',
  assigned: 'Assigned',
  reserved: 'Reserved',
  retired: 'Retired',
};

export const CDR_STATUS_LABELS: Record<CdrFileStatus, string> = {
  received: 'Waiting',
  importing: 'Importing',
  imported: 'Imported',
  failed: 'Failed',
};

export const CDR_SOURCE_LABELS: Record<CdrFile['source'], string> = { upload: 'Upload', folder: 'Folder' };

export const CDR_FORMAT_LABELS: Record<CdrFormat, string> = { asterisk: 'Asterisk Master.csv', generic: 'CSV with a header' };

/** Why a line did not become a call, in a clerk's words; the sentence on each reject says the rest. */
export const REJECT_REASON_LABELS: Record<CdrRejectReason, string> = {
  malformed_csv: 'Malformed CSV',
  columns: 'Wrong number of columns',
  bad_date: 'Bad date or time',
  bad_duration: 'Bad talk time',
  negative_duration: 'Negative talk time',
  missing_number: 'No called number',
  not_e164: 'Not a phone number',
  bad_direction: 'Unknown direction',
  unmatched: "No subscriber's number",
  no_rate: 'No rate in the plan',
};

/** A file is still being read: the screens showing it look again until it is done. */
export const isImporting = (file: Pick<CdrFile, 'status'>): boolean => file.status === 'received' || file.status === 'importing';

export const plural = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
