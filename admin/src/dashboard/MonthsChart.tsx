import { BarChart } from '@mui/x-charts/BarChart';
import type { Schemas } from '../dataProvider/apiClient';
import { formatMoney } from '../money';

const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** Invoiced beside paid for each of the last twelve months. */
export const MonthsChart = ({ months, currency }: { months: Schemas['MonthFigureDto'][]; currency: string }) => {
  const money = (value: number | null) => (value === null ? '' : formatMoney(value, currency));
  return (
    <BarChart
      dataset={months.map((m) => ({ month: m.month, invoiced: m.invoiced, paid: m.paid }))}
      xAxis={[{ scaleType: 'band', dataKey: 'month', valueFormatter: monthLabel }]}
      yAxis={[{ valueFormatter: (v: number) => formatMoney(Math.round(v), currency).replace(/\.00$/, ''), width: 80 }]}
      series={[
        { dataKey: 'invoiced', label: 'Invoiced', valueFormatter: money },
        { dataKey: 'paid', label: 'Paid', valueFormatter: money },
      ]}
      height={260}
    />
  );
};
