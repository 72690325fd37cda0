import Box from '@mui/material/Box';
import { formatDateTime, timeAgo } from './formatting';

/** "5 minutes ago", with the exact date and time on hover. */
export const RelativeTime = ({ value }: { value: string | null | undefined }) =>
  value ? (
    <Box component="time" dateTime={value} title={formatDateTime(value)} sx={{ whiteSpace: 'nowrap', cursor: 'help' }}>
      {timeAgo(value)}
    </Box>
  ) : null;
