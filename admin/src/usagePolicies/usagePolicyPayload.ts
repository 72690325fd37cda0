import { optionalText, text } from '../common/formText';
import type { AtCap, FreeWindow, UsagePolicyInput } from '../usage/types';

const optionalNumber = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));

/**
 * What both forms send: every field, with those that do not apply set to null (a policy without a
 * cap neither charges overage nor slows; top-off and rollover figures only where they are on).
 */
export const toUsagePolicyPayload = (data: Record<string, unknown>): UsagePolicyInput => {
  const capGb = optionalText(data.capGb);
  const atCap = (data.atCap as AtCap | undefined) ?? 'overage';
  const overage = capGb !== null && atCap === 'overage';
  const slow = atCap === 'slow';
  const topOffsAllowed = data.topOffsAllowed === true;
  const rollover = data.rollover === true;
  const windows = Array.isArray(data.freeWindows) ? (data.freeWindows as Partial<FreeWindow>[]) : [];
  return {
    name: text(data.name),
    capGb,
    atCap,
    overageServiceId: overage ? optionalNumber(data.overageServiceId) : null,
    overageBlockGb: overage ? optionalText(data.overageBlockGb) : null,
    slowDownloadKbps: slow ? optionalNumber(data.slowDownloadKbps) : null,
    slowUploadKbps: slow ? optionalNumber(data.slowUploadKbps) : null,
    topOffsAllowed,
    topOffGb: topOffsAllowed ? optionalText(data.topOffGb) : null,
    topOffServiceId: topOffsAllowed ? optionalNumber(data.topOffServiceId) : null,
    rollover,
    rolloverExpiryMonths: rollover ? optionalNumber(data.rolloverExpiryMonths) : null,
    freeWindows: windows.map((w) => ({ startHour: Number(w.startHour), endHour: Number(w.endHour) })),
  };
};

export const USAGE_POLICY_DEFAULTS = {
  atCap: 'overage',
  topOffsAllowed: false,
  rollover: false,
  freeWindows: [],
};
