import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { withoutProcessorCode } from '../common/readableProblem';

/** A processor state as a chip, with the processor's reason under it when it gave one, in its words only. */
export const StatusWithReason = ({
  status,
  reason,
}: {
  status: { label: string; color: 'default' | 'success' | 'warning' | 'error' };
  reason: string | null;
}) => (
  <>
    <Chip size="small" label={status.label} color={status.color} />
    {reason ? (
      <Typography variant="caption" component="div" color="error">
        {withoutProcessorCode(reason)}
      </Typography>
    ) : null}
  </>
);
