import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { formatOctets } from './formatOctets';
import { periodDays } from './periodDates';
import type { UsagePeriod } from './types';

/** How full the allowance is, 0 to 100, and the bar's colour for it. */
const fullness = (period: UsagePeriod): { percent: number; color: 'primary' | 'warning' | 'error' } => {
  const allowance = BigInt(period.allowanceOctets ?? '0');
  if (allowance === 0n) return { percent: 0, color: 'primary' };
  const percent = Math.min(100, Number((BigInt(period.billable.total) * 1000n) / allowance) / 10);
  return { percent, color: percent >= 100 ? 'error' : percent >= 80 ? 'warning' : 'primary' };
};

/** What makes up the allowance, when it is more than the plan's cap. */
const allowanceParts = (period: UsagePeriod): string => {
  const parts = [`${formatOctets(period.capOctets)} cap`];
  if (BigInt(period.topOffOctets) > 0n) parts.push(`${formatOctets(period.topOffOctets)} top-offs`);
  if (BigInt(period.rolloverOctets) > 0n) parts.push(`${formatOctets(period.rolloverOctets)} rolled over`);
  return parts.length > 1 ? ` (${parts.join(' + ')})` : '';
};

/** The current period's billable usage against its allowance: the figures and a bar. */
export const CurrentUsageGauge = ({ period }: { period: UsagePeriod }) => {
  const { percent, color } = fullness(period);
  const capped = period.allowanceOctets !== null;
  return (
    <Box aria-label="Billable usage this period" role="group">
      <Typography variant="h5" component="div">
        <span data-testid="usage-billable">{formatOctets(period.billable.total)}</span>
        {capped ? (
          <Typography component="span" variant="h6" color="text.secondary">
            {' of '}
            <span data-testid="usage-allowance">{formatOctets(period.allowanceOctets)}</span>
          </Typography>
        ) : null}
      </Typography>
      {capped ? (
        <LinearProgress
          variant="determinate"
          value={percent}
          color={color}
          aria-label="Share of the allowance used"
          sx={{ height: 8, borderRadius: 1, my: 1 }}
        />
      ) : null}
      <Typography variant="body2" color="text.secondary">
        {capped
          ? `Billable in the period ${periodDays(period)}, against an allowance of ${formatOctets(period.allowanceOctets)}${allowanceParts(period)}.`
          : `Billable in the period ${periodDays(period)}; the plan has no cap.`}
        {BigInt(period.free.total) > 0n ? ` ${formatOctets(period.free.total)} more was used in free hours.` : ''}
        {BigInt(period.overageOctets) > 0n ? ` ${formatOctets(period.overageOctets)} over the allowance.` : ''}
      </Typography>
    </Box>
  );
};
