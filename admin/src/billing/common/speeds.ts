const speedFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** 100000 → "100 Mbps", 1500000 → "1.5 Gbps", 512 → "512 kbps". */
export const formatKbps = (kbps: number | null | undefined): string => {
  if (kbps === null || kbps === undefined) return '—';
  if (kbps >= 1_000_000) return `${speedFormat.format(kbps / 1_000_000)} Gbps`;
  if (kbps >= 1_000) return `${speedFormat.format(kbps / 1_000)} Mbps`;
  return `${speedFormat.format(kbps)} kbps`;
};

/** "100 Mbps down / 20 Mbps up" */
export const formatSpeeds = (downloadKbps: number | null, uploadKbps: number | null): string =>
  downloadKbps === null && uploadKbps === null ? '' : `${formatKbps(downloadKbps)} down / ${formatKbps(uploadKbps)} up`;
