import { optionalText, text } from '../common/formText';
import { NAS_TYPES, type NasType } from '../network/types';

export const NAS_TYPE_LABELS: Record<NasType, string> = {
  other: 'Other',
  mikrotik: 'MikroTik',
  cisco: 'Cisco',
  juniper: 'Juniper',
  ubiquiti: 'Ubiquiti',
  cambium: 'Cambium',
};

export const NAS_TYPE_CHOICES = NAS_TYPES.map((type) => ({ id: type, name: NAS_TYPE_LABELS[type] }));

/** Only what the API takes; an empty secret on an edit is left out, so the current one stays. */
export const toNasDevicePayload = (data: Record<string, unknown>) => {
  const secret = typeof data.secret === 'string' ? data.secret : '';
  return {
    name: text(data.name),
    address: text(data.address),
    ...(secret ? { secret } : {}),
    nasType: data.nasType as NasType,
    coaPort: Number(data.coaPort),
    disconnectToLimit: Boolean(data.disconnectToLimit),
    description: optionalText(data.description),
  };
};
