const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** "90s", "15m", "6h" or "14d" in seconds; the setting's pattern has already checked the form. */
export function durationSeconds(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match) throw new RangeError(`not a duration: "${text}" (a number and one of s, m, h, d)`);
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

/** "3d,7d" as seconds, shortest first; empty text is no durations. */
export function durationList(text: string): number[] {
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(durationSeconds)
    .sort((a, b) => a - b);
}
