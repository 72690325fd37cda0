/** 3725 → "1:02:05"; a call is shown as hours, minutes and seconds. */
export const formatDuration = (totalSeconds: number): string => {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
};

/** 754 → "12:34": what the duration input shows (minutes may exceed 59). */
export const toMinutesSeconds = (totalSeconds: number): string =>
  `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')}`;

/** "12:34" or "12" (whole minutes) → seconds; null when it is neither. */
export const parseMinutesSeconds = (text: string): number | null => {
  const match = /^\s*(\d{1,4})(?::([0-5]?\d))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2] ?? 0);
};
