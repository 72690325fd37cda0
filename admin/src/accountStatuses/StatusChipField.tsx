import { type FieldProps, useRecordContext } from 'react-admin';
import type { AccountStatus } from '../types';
import { StatusChip } from './StatusChip';

/** The status record in context as its coloured chip (list rows, reference fields). */
export const StatusChipField = (props: Omit<FieldProps<AccountStatus>, 'source'> & { source?: string }) => {
  const status = useRecordContext<AccountStatus>(props);
  if (!status) return null;
  return <StatusChip name={status.name} color={status.color} />;
};
