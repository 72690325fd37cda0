import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { Invoice } from '../../types';

const FLAGS: { key: 'frozen' | 'void' | 'manual' | 'delinquent'; label: string; color: 'info' | 'default' | 'secondary' | 'error' }[] = [
  { key: 'void', label: 'Void', color: 'default' },
  { key: 'frozen', label: 'Frozen', color: 'info' },
  { key: 'manual', label: 'Manual', color: 'secondary' },
  { key: 'delinquent', label: 'Delinquent', color: 'error' },
];

/** The invoice's states as small chips; nothing when it is an ordinary open or paid invoice. */
export const InvoiceFlags = ({ invoice }: { invoice: Invoice }) => (
  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {FLAGS.filter((flag) => invoice[flag.key]).map((flag) => (
      <Chip key={flag.key} label={flag.label} color={flag.color} size="small" variant={flag.key === 'void' ? 'outlined' : 'filled'} />
    ))}
  </Stack>
);
