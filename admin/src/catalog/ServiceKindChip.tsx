import Chip from '@mui/material/Chip';
import type { ServiceKind } from '../types';

export const SERVICE_KIND_LABELS: Record<ServiceKind | 'package', string> = {
  recurring: 'Recurring',
  one_time: 'One-time',
  data: 'Data',
  voice: 'Voice',
  adjustment: 'Adjustment',
  package: 'Package',
};

const COLORS: Record<ServiceKind | 'package', 'default' | 'primary' | 'secondary' | 'info' | 'warning' | 'success'> = {
  recurring: 'primary',
  one_time: 'default',
  data: 'info',
  voice: 'success',
  adjustment: 'warning',
  package: 'secondary',
};

/** The kind of a service (or a package) as a small label. */
export const ServiceKindChip = ({ kind }: { kind: ServiceKind | 'package' }) => (
  <Chip size="small" label={SERVICE_KIND_LABELS[kind] ?? kind} color={COLORS[kind] ?? 'default'} />
);
