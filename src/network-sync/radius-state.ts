/** One row of FreeRADIUS's check or reply tables: `attribute op value`. */
export interface RadiusPair {
  attribute: string;
  op: string;
  value: string;
}

/** What the RADIUS server should hold for one username. */
export interface RadiusUserState {
  username: string;
  checks: RadiusPair[];
  replies: RadiusPair[];
  groups: string[];
}

/** A group's reply attributes: the speed profile of a data service. */
export interface RadiusGroupState {
  name: string;
  replies: RadiusPair[];
}

/** The group of a data service: named by id, so renaming the service renames nothing on the server. */
export const SPEED_GROUP_PREFIX = 'backhaul-service-';
export const speedGroupName = (serviceId: number): string => `${SPEED_GROUP_PREFIX}${serviceId}`;

/**
 * The speed attributes of a data service, in the two forms most NAS read: MikroTik's rate limit
 * (`rx/tx` from the router's side, so upload first) and WISPr's, in bits per second.
 */
export function speedReplies(downloadKbps: number, uploadKbps: number): RadiusPair[] {
  return [
    { attribute: 'Mikrotik-Rate-Limit', op: ':=', value: `${uploadKbps}k/${downloadKbps}k` },
    { attribute: 'WISPr-Bandwidth-Max-Down', op: ':=', value: String(downloadKbps * 1000) },
    { attribute: 'WISPr-Bandwidth-Max-Up', op: ':=', value: String(uploadKbps * 1000) },
  ];
}

/** A row as text, to compare what a server holds with what it should. */
export const pairKey = (table: string, owner: string, pair: RadiusPair): string =>
  JSON.stringify([table, owner, pair.attribute, pair.op, pair.value]);
