import { optionalText, text } from '../common/formText';

const common = (data: Record<string, unknown>) => ({
  name: text(data.name),
  controlSocket: optionalText(data.controlSocket),
  relayAddresses: (Array.isArray(data.relayAddresses) ? (data.relayAddresses as unknown[]) : []).map(text).filter(Boolean),
  subnetIds: (Array.isArray(data.subnetIds) ? (data.subnetIds as unknown[]) : []).map(Number),
});

export const toDhcpServerCreate = (data: Record<string, unknown>) => ({ ...common(data), hostsDatabaseUrl: text(data.hostsDatabaseUrl) });

/** An empty host database URL on an edit is left out, so the current one (and its password) stays. */
export const toDhcpServerUpdate = (data: Record<string, unknown>) => {
  const url = text(data.hostsDatabaseUrl);
  return { ...common(data), ...(url ? { hostsDatabaseUrl: url } : {}) };
};
