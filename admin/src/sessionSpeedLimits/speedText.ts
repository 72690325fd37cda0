// The speed limits form speaks in exact kbit/s, the unit its fields take and the NAS is sent, so a
// confirmation never rounds 1,234 kbit/s to "1.23 Mbps". Everywhere else a speed is only shown, and
// goes through formatKbps/formatSpeeds in billing/common/speeds.ts.

/** The most a profile may be, as the API checks it: 100 Gbit/s in kbit/s. */
export const FASTEST_KBPS = 100_000_000;

const number = (value: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format(value);

/** "1,024 kbit/s", as the field takes it. */
export const kbpsText = (kbps: number): string => `${number(kbps)} kbit/s`;

/**
 * The same speed in the unit people say it in, decimal as the NAS counts (1 Mbit/s is 1,000 kbit/s):
 * "512 kbit/s = 0.512 Mbit/s", "250,000 kbit/s = 250 Mbit/s", "2,000,000 kbit/s = 2 Gbit/s".
 */
export const speedInWords = (kbps: number): string => {
  const larger = kbps >= 1_000_000 ? `${number(kbps / 1_000_000)} Gbit/s` : `${number(kbps / 1_000)} Mbit/s`;
  return `${kbpsText(kbps)} = ${larger}`;
};

/** "512 kbit/s down, 256 kbit/s up". */
export const profileText = (downloadKbps: number, uploadKbps: number): string =>
  `${kbpsText(downloadKbps)} down, ${kbpsText(uploadKbps)} up`;
