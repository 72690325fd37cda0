import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useListContext } from 'react-admin';
import { Money } from '../billing/common/Money';
import { useBackhaulDataProvider } from '../dataProvider';
import { formatCallLength } from './voiceFormatting';

const Figure = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack sx={{ minWidth: 120 }}>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="body1" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {children}
    </Typography>
  </Stack>
);

/** The totals of every call the filters match (all pages), beside the list. */
export const CallTotals = ({ accountId, currency }: { accountId: number; currency: string | undefined }) => {
  const { filterValues } = useListContext();
  const dataProvider = useBackhaulDataProvider();
  const { data: totals } = useQuery({
    queryKey: ['voice-call-totals', accountId, filterValues],
    queryFn: () => dataProvider.fetchVoiceCallTotals(accountId, filterValues as Record<string, unknown>),
  });

  return (
    <Stack direction="row" role="region" aria-label="Call totals" sx={{ gap: 3, flexWrap: 'wrap', my: 2 }}>
      <Figure label="Calls">{totals ? totals.calls.toLocaleString() : '—'}</Figure>
      <Figure label="Outbound / inbound">{totals ? `${totals.outbound.calls} / ${totals.inbound.calls}` : '—'}</Figure>
      <Figure label="Talk time">{totals ? formatCallLength(totals.durationSeconds) : '—'}</Figure>
      <Figure label="Billed minutes">{totals ? totals.billedMinutes : '—'}</Figure>
      <Figure label="At their rates, before included minutes">
        <Money amount={totals?.estimatedChargeBeforeIncluded} currency={currency} sx={{ fontSize: 'inherit' }} />
      </Figure>
    </Stack>
  );
};
