import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';

/** A processor state as a chip, with the processor's reason under it when it gave one. */
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
        {reason}
      </Typography>
    ) : null}
  </>
);
