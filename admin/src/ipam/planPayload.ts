import { optionalText, text } from '../common/formText';

/** Only what each form may send: the network (and what it belongs to) is fixed once created. */
export const toSupernetCreate = (data: Record<string, unknown>) => ({
  name: text(data.name),
  network: text(data.network),
  description: optionalText(data.description),
});
export const toSupernetUpdate = (data: Record<string, unknown>) => ({
  name: text(data.name),
  description: optionalText(data.description),
});

export const toSubnetCreate = (data: Record<string, unknown>) => ({
  supernetId: Number(data.supernetId),
  name: text(data.name),
  network: text(data.network),
  gateway: optionalText(data.gateway),
  description: optionalText(data.description),
});
export const toSubnetUpdate = (data: Record<string, unknown>) => ({
  name: text(data.name),
  gateway: optionalText(data.gateway),
  description: optionalText(data.description),
});

export const toPoolCreate = (data: Record<string, unknown>) => ({
  subnetId: Number(data.subnetId),
  name: text(data.name),
  firstAddress: text(data.firstAddress),
  lastAddress: text(data.lastAddress),
  description: optionalText(data.description),
});
export const toPoolUpdate = (data: Record<string, unknown>) => ({
  name: text(data.name),
  description: optionalText(data.description),
});

export const FAMILY_CHOICES = [
  { id: 4, name: 'IPv4' },
  { id: 6, name: 'IPv6' },
];
