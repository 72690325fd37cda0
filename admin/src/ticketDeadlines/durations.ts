/** Targets are stored in seconds; the panel edits them in minutes, hours or days of business time. */
export const DURATION_UNITS = [
  { id: 'minutes', name: 'minutes', seconds: 60 },
  { id: 'hours', name: 'hours', seconds: 3600 },
  { id: 'days', name: 'business days of 24 hours', seconds: 86_400 },
] as const;

export type DurationUnit = (typeof DURATION_UNITS)[number]['id'];

export interface DurationDraft {
  amount: string;
  unit: DurationUnit;
}

/** The largest unit that divides the seconds evenly, so 5400 s reads as 90 minutes and 7200 s as 2 hours. */
export function toDraft(seconds: number | null): DurationDraft {
  if (seconds === null) return { amount: '', unit: 'hours' };
  const unit = [...DURATION_UNITS].reverse().find((u) => seconds % u.seconds === 0) ?? DURATION_UNITS[0];
  const amount = seconds % unit.seconds === 0 ? seconds / unit.seconds : Math.round((seconds / 60) * 100) / 100;
  return { amount: String(amount), unit: seconds % unit.seconds === 0 ? unit.id : 'minutes' };
}

/** Seconds, null for an empty amount, or undefined when the amount is not a positive number. */
export function fromDraft(draft: DurationDraft): number | null | undefined {
  if (!draft.amount.trim()) return null;
  const amount = Number(draft.amount);
  if (!Number.isFinite(amount) || amount <= 0) return undefined;
  const unit = DURATION_UNITS.find((u) => u.id === draft.unit) ?? DURATION_UNITS[0];
  return Math.max(1, Math.round(amount * unit.seconds));
}

/** `2 h 30 min` for a clerk; a few seconds (short test targets) show as seconds. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds} s`;
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', minutes ? `${minutes} min` : ''].filter(Boolean);
  return parts.join(' ') || `${seconds} s`;
}
