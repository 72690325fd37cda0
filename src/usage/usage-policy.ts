/** A decimal gigabyte: usage caps and blocks are sold in GB of 10^9 octets (1 TB = 1000 GB). */
export const OCTETS_PER_GB = 1_000_000_000n;

export type AtCap = 'overage' | 'slow';

export interface FreeWindow {
  /** Whole hours of the instance's time zone, 0 to 23. */
  startHour: number;
  /** 1 to 24; a window whose end is not after its start runs past midnight. */
  endHour: number;
}

export interface UsagePolicy {
  id: number;
  name: string;
  capOctets: bigint | null;
  atCap: AtCap;
  overageServiceId: number | null;
  overageBlockOctets: bigint | null;
  slowDownloadKbps: number | null;
  slowUploadKbps: number | null;
  topOffsAllowed: boolean;
  topOffOctets: bigint | null;
  topOffServiceId: number | null;
  rollover: boolean;
  rolloverExpiryMonths: number | null;
  freeWindows: FreeWindow[];
}

/** "12.5" GB as octets, exactly: at most nine decimals, since an octet is a billionth of a GB. */
export function gbToOctets(gb: string): bigint {
  const match = /^(\d{1,9})(?:\.(\d{1,9}))?$/.exec(gb.trim());
  if (!match) throw new RangeError(`${gb} is not a number of GB`);
  return BigInt(match[1]) * OCTETS_PER_GB + BigInt((match[2] ?? '').padEnd(9, '0'));
}

/** Octets as decimal GB with no trailing zeros: 12_500_000_000n is "12.5". */
export function octetsToGb(octets: bigint): string {
  const whole = octets / OCTETS_PER_GB;
  const rest = (octets % OCTETS_PER_GB).toString().padStart(9, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole.toString();
}

/** The form a GB figure must have in a request, for class-validator's @Matches. */
export const GB_PATTERN = /^\d{1,9}(\.\d{1,9})?$/;

/** Bit h set when the hour starting at h:00 local time is free. */
export function freeHourMask(windows: FreeWindow[]): number {
  let mask = 0;
  for (const w of windows) {
    const end = w.endHour > w.startHour ? w.endHour : w.endHour + 24;
    for (let h = w.startHour; h < end; h++) mask |= 1 << (h % 24);
  }
  return mask >>> 0;
}

/** Whether a policy's figures hang together; the field and rule of each problem. */
export function policyProblems(p: Omit<UsagePolicy, 'id' | 'name'>): { field: string; rule: string; message: string }[] {
  const problems: { field: string; rule: string; message: string }[] = [];
  const need = (ok: boolean, field: string, rule: string, message: string) => ok || problems.push({ field, rule, message });
  need(p.capOctets === null || p.capOctets > 0n, 'capGb', 'positive', 'capGb must be more than zero');
  if (p.capOctets !== null && p.atCap === 'overage') {
    need(p.overageServiceId !== null, 'overageServiceId', 'required', 'overageServiceId is required when overage is charged at the cap');
    need(
      p.overageBlockOctets !== null && p.overageBlockOctets > 0n,
      'overageBlockGb',
      'required',
      'overageBlockGb (more than zero) is required when overage is charged at the cap',
    );
  }
  if (p.atCap === 'slow') {
    need(p.capOctets !== null, 'capGb', 'required', 'capGb is required for a policy that slows at the cap');
    need(p.slowDownloadKbps !== null, 'slowDownloadKbps', 'required', 'slowDownloadKbps is required for a policy that slows at the cap');
    need(p.slowUploadKbps !== null, 'slowUploadKbps', 'required', 'slowUploadKbps is required for a policy that slows at the cap');
  }
  if (p.topOffsAllowed) {
    need(p.capOctets !== null, 'topOffsAllowed', 'needsCap', 'top-offs need a cap to raise');
    need(
      p.topOffOctets !== null && p.topOffOctets > 0n,
      'topOffGb',
      'required',
      'topOffGb (more than zero) is required when top-offs are allowed',
    );
    need(p.topOffServiceId !== null, 'topOffServiceId', 'required', 'topOffServiceId is required when top-offs are allowed');
  }
  if (p.rollover) {
    need(p.capOctets !== null, 'rollover', 'needsCap', 'rollover needs a cap to leave something unused');
    need(
      p.rolloverExpiryMonths !== null,
      'rolloverExpiryMonths',
      'required',
      'rolloverExpiryMonths is required when unused data rolls over',
    );
  }
  p.freeWindows.forEach((w, i) =>
    need(w.endHour % 24 !== w.startHour, `freeWindows[${i}].endHour`, 'notEmpty', 'a free window must not start and end at the same hour'),
  );
  return problems;
}
