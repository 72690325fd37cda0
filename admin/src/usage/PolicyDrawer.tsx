import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { DetailList } from '../billing/common/DetailList';
import { Money } from '../billing/common/Money';
import { DetailsDrawer } from '../common/DetailsDrawer';
import { CatalogServiceName } from './CatalogServiceName';
import { atCapWords, capWords, freeWindowWords, gbWords, rolloverWords, topOffWords } from './policyWords';
import type { TopOffOffer, UsagePolicy } from './types';

interface PolicyDrawerProps {
  policy: UsagePolicy | null;
  topOff: TopOffOffer | null;
  currency: string | undefined;
  onClose: () => void;
}

const policyRows = (policy: UsagePolicy, topOff: TopOffOffer | null, currency: string | undefined): [string, ReactNode][] => {
  const rows: [string, ReactNode][] = [
    ['Data cap', capWords(policy)],
    ['At the cap', atCapWords(policy)],
  ];
  if (policy.capGb !== null && policy.atCap === 'overage') {
    rows.push(['Overage block', gbWords(policy.overageBlockGb)], ['Overage service', <CatalogServiceName id={policy.overageServiceId} />]);
  }
  rows.push(['Top-offs', topOffWords(policy)]);
  if (policy.topOffsAllowed) {
    rows.push(
      ['Top-off service', <CatalogServiceName id={policy.topOffServiceId} />],
      ['Top-off price', <Money amount={topOff?.price} currency={currency} />],
    );
  }
  rows.push(['Rollover', rolloverWords(policy)]);
  return rows;
};

const FreeWindowList = ({ policy }: { policy: UsagePolicy }) =>
  policy.freeWindows.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      None: every hour counts toward the cap.
    </Typography>
  ) : (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
        Traffic in these hours (the instance&apos;s time zone) is recorded as free: it counts toward neither the cap nor any charge.
      </Typography>
      <ul aria-label="Free periods" style={{ margin: 0 }}>
        {policy.freeWindows.map((w) => (
          <li key={`${w.startHour}-${w.endHour}`}>
            <Typography variant="body2">{freeWindowWords(w)}</Typography>
          </li>
        ))}
      </ul>
    </>
  );

/** Everything the usage policy says, in a side panel. */
export const PolicyDrawer = ({ policy, topOff, currency, onClose }: PolicyDrawerProps) => (
  <DetailsDrawer title={policy ? `Usage policy ${policy.name}` : null} onClose={onClose}>
    {policy ? (
      <>
        <DetailList label="Usage policy details" rows={policyRows(policy, topOff, currency)} />
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
          Free periods
        </Typography>
        <FreeWindowList policy={policy} />
      </>
    ) : null}
  </DetailsDrawer>
);
