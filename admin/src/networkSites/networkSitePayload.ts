import { FREQUENCY_UNITS, HEIGHT_UNITS, parseNumberList } from '../elevation/units';

const listOf = (value: unknown, units: Record<string, number>): number[] => {
  if (Array.isArray(value)) return value.map(Number);
  return parseNumberList(String(value ?? ''), units) ?? [];
};

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));

/** What the site forms send: the lists typed as text become numbers (heights in metres, bands in MHz). */
export const toNetworkSitePayload = (data: Record<string, unknown>) => ({
  name: String(data.name ?? '').trim(),
  latitude: Number(data.latitude),
  longitude: Number(data.longitude),
  groundElevationM: numberOrNull(data.groundElevationM),
  antennaHeightsM: listOf(data.antennaHeightsM, HEIGHT_UNITS),
  frequenciesMhz: listOf(data.frequenciesMhz, FREQUENCY_UNITS),
  description: typeof data.description === 'string' && data.description.trim() ? data.description.trim() : null,
});
