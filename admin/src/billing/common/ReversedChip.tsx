import Chip from '@mui/material/Chip';
import { formatDate } from '../../accounts/formatting';

/**
 * Whether a payment or a charge was undone later. It stays in its list on its own day
 * (the figures count it there); the correction is a row of its own, dated when it was made.
 */
export const ReversedChip = ({ reversedOn }: { reversedOn: string | null }) =>
  reversedOn ? <Chip size="small" variant="outlined" color="warning" label={`Reversed ${formatDate(reversedOn)}`} /> : null;
