import Box from '@mui/material/Box';
import { BarChart } from '@mui/x-charts/BarChart';
import type { Schemas } from '../dataProvider/apiClient';
import { formatMoney } from '../money';
import { FigureLink } from './FigureCard';
import { listLink } from './links';

export const AGING_LABELS: Record<string, string> = {
  current: 'Not yet due',
  '1-30': '1–30 days late',
  '31-60': '31–60 days late',
  '61-90': '61–90 days late',
  '90+': 'Over 90 days late',
};

/** What open invoices still owe, by how late they are: a bar per bucket, and each bucket a link to its invoices. */
export const AgingChart = ({ aging, currency }: { aging: Schemas['AgingBucketDto'][]; currency: string }) => (
  <>
    <BarChart
      dataset={aging.map((b) => ({ bucket: AGING_LABELS[b.bucket] ?? b.bucket, owed: b.owed }))}
      xAxis={[{ scaleType: 'band', dataKey: 'bucket' }]}
      yAxis={[{ valueFormatter: (v: number) => formatMoney(Math.round(v), currency).replace(/\.00$/, ''), width: 80 }]}
      series={[{ dataKey: 'owed', label: 'Owed', valueFormatter: (v: number | null) => (v === null ? '' : formatMoney(v, currency)) }]}
      hideLegend
      height={220}
    />
    <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))' }}>
      {aging.map((b) => (
        <FigureLink
          key={b.bucket}
          figure={`aging-${b.bucket}`}
          to={listLink('invoices', { agingBucket: b.bucket })}
          label={AGING_LABELS[b.bucket] ?? b.bucket}
          value={formatMoney(b.owed, currency)}
          detail={`${b.invoices} invoice${b.invoices === 1 ? '' : 's'}`}
        />
      ))}
    </Box>
  </>
);
