import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { BarPlot } from '@mui/x-charts/BarChart';
import { ChartsAxis } from '@mui/x-charts/ChartsAxis';
import { ChartsAxisHighlight } from '@mui/x-charts/ChartsAxisHighlight';
import { ChartsDataProvider } from '@mui/x-charts/ChartsDataProvider';
import { ChartsGrid } from '@mui/x-charts/ChartsGrid';
import { ChartsLegend } from '@mui/x-charts/ChartsLegend';
import { ChartsSurface } from '@mui/x-charts/ChartsSurface';
import { ChartsTooltipContainer, useAxesTooltip } from '@mui/x-charts/ChartsTooltip';
import { ChartsWrapper } from '@mui/x-charts/ChartsWrapper';
import { LinePlot, MarkPlot } from '@mui/x-charts/LineChart';
import { DetailList } from '../billing/common/DetailList';
import { formatGb } from './formatOctets';
import { periodDays, periodMonth, periodMonthYear } from './periodDates';
import type { UsagePeriod } from './types';
import { periodTooltipRows, toChartPoint } from './usageChartRows';

const gb = (value: number | null) => (value === null ? '' : formatGb(value));

/** The hovered period: its month, its exact days, and its figures. */
const PeriodTooltip = ({ periods }: { periods: UsagePeriod[] }) => {
  const axes = useAxesTooltip({ directions: ['x'] });
  const period = axes?.[0] ? periods[axes[0].dataIndex] : undefined;
  if (!period) return null;
  return (
    <Paper elevation={4} sx={{ p: 1.5 }} role="tooltip" aria-label={`Usage in the period ${periodDays(period)}`}>
      <Typography variant="subtitle2">
        {periodMonthYear(period.start)}
        {period.current ? ' (current)' : ''}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
        {periodDays(period)}
      </Typography>
      <DetailList rows={periodTooltipRows(period)} />
    </Paper>
  );
};

/**
 * Billable and free usage of each billing period as stacked bars, oldest on the left, with the
 * plan's cap and the allowance (the cap raised by top-offs and rollover) as lines over them. A
 * period is named for the month it starts in; hovering it gives its exact days and totals.
 */
export const BillableUsageChart = ({ periods }: { periods: UsagePeriod[] }) => {
  const oldestFirst = [...periods].reverse();
  const points = oldestFirst.map(toChartPoint);
  const hasCap = points.some((p) => p.cap !== null);
  return (
    <Box role="figure" aria-label="Billable data usage per billing period">
      <ChartsDataProvider
        height={280}
        skipAnimation
        xAxis={[{ id: 'periods', scaleType: 'band', data: oldestFirst.map((p) => periodMonth(p.start)), tickLabelInterval: () => true }]}
        yAxis={[{ id: 'gb', valueFormatter: (v: number) => formatGb(v), width: 70, min: 0 }]}
        series={[
          { type: 'bar', id: 'billable', label: 'Billable', data: points.map((p) => p.billable), stack: 'used', valueFormatter: gb },
          { type: 'bar', id: 'free', label: 'Free', data: points.map((p) => p.free), stack: 'used', valueFormatter: gb },
          ...(hasCap
            ? ([
                { type: 'line', id: 'cap', label: 'Plan cap', data: points.map((p) => p.cap), valueFormatter: gb, color: '#9e9e9e' },
                {
                  type: 'line',
                  id: 'allowance',
                  label: 'Allowance with top-offs and rollover',
                  data: points.map((p) => p.allowance),
                  valueFormatter: gb,
                  showMark: true,
                },
              ] as const)
            : []),
        ]}
      >
        <ChartsWrapper legendPosition={{ vertical: 'top', horizontal: 'center' }}>
          <ChartsLegend />
          <ChartsSurface sx={{ '& .MuiLineChart-line[data-series="cap"]': { strokeDasharray: '6 4' } }}>
            <ChartsGrid horizontal />
            <BarPlot />
            <LinePlot />
            <ChartsAxisHighlight x="band" />
            <ChartsAxis />
            <MarkPlot />
          </ChartsSurface>
          <ChartsTooltipContainer trigger="axis">
            <PeriodTooltip periods={oldestFirst} />
          </ChartsTooltipContainer>
        </ChartsWrapper>
      </ChartsDataProvider>
    </Box>
  );
};
