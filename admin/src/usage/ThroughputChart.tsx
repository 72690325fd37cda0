import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { LineChart } from '@mui/x-charts/LineChart';
import { formatKbps } from '../billing/common/speeds';
import { formatOctets } from './formatOctets';
import type { ThroughputPoint } from './throughputRange';

const HOUR_MS = 3_600_000;
const hourLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const timeLabel = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The hour on the axis: its time when the chart spans a day or less, else its date (ticks a day apart at least). */
const tick = (spanHours: number) => (value: Date, context: { location: string }) =>
  context.location === 'tooltip'
    ? `${hourLabel.format(value)}, for the hour`
    : spanHours <= 24
      ? timeLabel.format(value)
      : dayLabel.format(value);

/** "12.4 Mbps (5.58 GB in the hour)" */
const rate =
  (points: ThroughputPoint[], key: 'downloadOctets' | 'uploadOctets') =>
  (value: number | null, { dataIndex }: { dataIndex: number }) =>
    value === null ? '' : `${formatKbps(Math.round(value))} (${formatOctets(points[dataIndex]?.[key])} in the hour)`;

/** Download and upload hour by hour, as the average rate over each hour; hovering an hour gives its rate and volume. */
export const ThroughputChart = ({ points }: { points: ThroughputPoint[] }) => {
  if (points.length === 0)
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
        Nothing to show for these days yet.
      </Typography>
    );
  return (
    <Box role="figure" aria-label="Data throughput per hour">
      <LineChart
        height={280}
        skipAnimation
        margin={{ right: 32 }}
        xAxis={[
          {
            scaleType: 'time',
            data: points.map((p) => p.hour),
            valueFormatter: tick(points.length),
            tickMinStep: points.length <= 24 ? HOUR_MS : 24 * HOUR_MS,
          },
        ]}
        yAxis={[{ valueFormatter: (v: number) => formatKbps(v), width: 80, min: 0 }]}
        series={[
          {
            id: 'download',
            label: 'Download',
            data: points.map((p) => p.download),
            area: true,
            showMark: points.length <= 12,
            valueFormatter: rate(points, 'downloadOctets'),
          },
          {
            id: 'upload',
            label: 'Upload',
            data: points.map((p) => p.upload),
            showMark: points.length <= 12,
            valueFormatter: rate(points, 'uploadOctets'),
          },
        ]}
        grid={{ horizontal: true }}
      />
    </Box>
  );
};
