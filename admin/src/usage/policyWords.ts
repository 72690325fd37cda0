import { formatSpeeds } from '../billing/common/speeds';
import { formatGb } from './formatOctets';
import type { FreeWindow, UsagePolicy } from './types';

/** "100 GB" from the policy's "100"; GB figures in a policy are exact decimal text. */
export const gbWords = (gb: string | null): string => (gb === null ? '—' : formatGb(Number(gb)));

export const capWords = (policy: UsagePolicy): string => (policy.capGb === null ? 'No cap' : gbWords(policy.capGb));

/** What happens once the cap is reached. */
export const atCapWords = (policy: UsagePolicy): string => {
  if (policy.capGb === null) return 'Nothing: there is no cap';
  if (policy.atCap === 'slow') return `Slowed to ${formatSpeeds(policy.slowDownloadKbps, policy.slowUploadKbps)} until the period ends`;
  return `Overage charged at the end of the period, per started block of ${gbWords(policy.overageBlockGb)}`;
};

/** 0 → "00:00"; an end of 24 is midnight, "24:00". */
export const hourWords = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** "01:00–07:00", or "22:00–02:00 (next day)" for a window that runs past midnight. */
export const freeWindowWords = ({ startHour, endHour }: FreeWindow): string =>
  `${hourWords(startHour)}–${hourWords(endHour)}${endHour <= startHour ? ' (next day)' : ''}`;

export const freeWindowsWords = (policy: UsagePolicy): string =>
  policy.freeWindows.length === 0 ? 'None' : policy.freeWindows.map(freeWindowWords).join(', ');

export const topOffWords = (policy: UsagePolicy): string =>
  policy.topOffsAllowed ? `Allowed, ${gbWords(policy.topOffGb)} each` : 'Not allowed';

export const rolloverWords = (policy: UsagePolicy): string => {
  if (!policy.rollover) return 'No';
  const months = policy.rolloverExpiryMonths ?? 0;
  return `Unused data carries over, kept ${months} ${months === 1 ? 'month' : 'months'}`;
};
