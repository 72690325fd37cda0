import { BarChart } from '@mui/x-charts/BarChart';
import { useRedirect } from 'react-admin';
import type { Schemas } from '../dataProvider/apiClient';
import { formatMoney } from '../money';
import { listLink } from './links';

const monthOf = (month: string, style: 'short' | 'long') =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, {
    month: style,
    ...(style === 'long' ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });

/** Every bar named on the axis by its month alone, so twelve fit; the tooltip and the axis title carry the years. */
const monthLabel = (month: string, context: { location: string }) => monthOf(month, context.location === 'tick' ? 'short' : 'long');

/** Invoiced beside paid for each of the last twelve months; a month's bar opens the rows it sums. */
export const MonthsChart = ({ months, currency }: { months: Schemas['MonthFigureDto'][]; currency: string }) => {
  const money = (value: number | null) => (value === null ? '' : formatMoney(value, currency));
  const redirect = useRedirect();
  return (
    <BarChart
      onItemClick={(_event, item) => {
        const month = months[item.dataIndex]?.month;
        if (!month) return;
        // The paid bar opens the payments dated in the month, the invoiced bar the invoices.
        redirect(item.seriesId === 'paid' ? listLink('payments', { receivedIn: month }) : listLink('invoices', { invoicedIn: month }));
      }}
      dataset={months.map((m) => ({ month: m.month, invoiced: m.invoiced, paid: m.paid }))}
      xAxis={[
        {
          scaleType: 'band',
          dataKey: 'month',
          valueFormatter: monthLabel,
          tickLabelInterval: () => true,
          label: months.length ? `${monthOf(months[0].month, 'long')} to ${monthOf(months[months.length - 1].month, 'long')}` : undefined,
        },
      ]}
      yAxis={[{ valueFormatter: (v: number) => formatMoney(Math.round(v), currency).replace(/\.00$/, ''), width: 80 }]}
      series={[
        { id: 'invoiced', dataKey: 'invoiced', label: 'Invoiced', valueFormatter: money },
        { id: 'paid', dataKey: 'paid', label: 'Paid', valueFormatter: money },
      ]}
      height={260}
    />
  );
};
