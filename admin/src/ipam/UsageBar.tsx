import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { IpUsage } from '../network/types';
import { formatAddressCount, formatUsagePercent, usageColor } from './usage';

/** How full a subnet or pool is: a small bar, the share, and how many of how many addresses. */
export const UsageBar = ({ usage }: { usage: IpUsage }) => {
  const percent = formatUsagePercent(usage);
  return (
    <Box sx={{ minWidth: 140, maxWidth: 220 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <LinearProgress
          variant="determinate"
          value={Math.min(100, usage.percent)}
          color={usageColor(usage.percent)}
          aria-label={`${percent} used`}
          sx={{ flexGrow: 1, height: 6, borderRadius: 3 }}
        />
        <Typography variant="caption" sx={{ minWidth: 40, textAlign: 'right' }}>
          {percent}
        </Typography>
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {formatAddressCount(usage.assigned)} of {formatAddressCount(usage.usable)} used
      </Typography>
    </Box>
  );
};
