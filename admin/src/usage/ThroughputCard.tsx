import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useState } from 'react';
import { SectionCard } from '../accounts/overview/SectionCard';
import { DateTextField } from '../billing/common/DateTextField';
import { errorMessage } from '../dataProvider';
import { ThroughputChart } from './ThroughputChart';
import { type DayRange, lastWeek, rangeInstants, throughputPoints, type Zoom } from './throughputRange';
import { useUsageHours } from './useDataUsage';

const HoursOf = ({ accountId, from, to, zoom }: { accountId: number; from: Date; to: Date; zoom: Zoom }) => {
  const { data, error, isPending } = useUsageHours(accountId, from, to);
  if (error) return <Alert severity="error">The throughput could not load: {errorMessage(error)}</Alert>;
  if (isPending) return null;
  return <ThroughputChart points={throughputPoints(data, from, to, zoom)} />;
};

/** Data throughput over a chosen day or range of days, zoomed to the whole range or its last four hours. */
export const ThroughputCard = ({ accountId }: { accountId: number }) => {
  const [range, setRange] = useState<DayRange>(lastWeek);
  const [zoom, setZoom] = useState<Zoom>('range');
  const instants = rangeInstants(range);
  const problem = 'problem' in instants ? instants.problem : undefined;
  return (
    <SectionCard
      title="Data throughput"
      action={
        <ToggleButtonGroup
          size="small"
          exclusive
          value={zoom}
          onChange={(_event, value: Zoom | null) => value && setZoom(value)}
          aria-label="Zoom"
        >
          <ToggleButton value="range">Whole range</ToggleButton>
          <ToggleButton value="last4h">Last 4 hours</ToggleButton>
        </ToggleButtonGroup>
      }
    >
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
        <DateTextField
          label="From"
          size="small"
          fullWidth={false}
          value={range.from}
          onChange={(from) => setRange({ ...range, from })}
          error={Boolean(problem)}
        />
        <DateTextField
          label="To"
          size="small"
          fullWidth={false}
          value={range.to}
          onChange={(to) => setRange({ ...range, to })}
          error={Boolean(problem)}
          helperText={problem ?? 'Empty for the first day alone'}
        />
      </Stack>
      {'from' in instants ? <HoursOf accountId={accountId} from={instants.from} to={instants.to} zoom={zoom} /> : null}
    </SectionCard>
  );
};
