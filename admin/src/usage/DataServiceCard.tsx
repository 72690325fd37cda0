import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { SectionCard } from '../accounts/overview/SectionCard';
import { DetailList } from '../billing/common/DetailList';
import { formatSpeeds } from '../billing/common/speeds';
import { DataServiceDrawer } from './DataServiceDrawer';
import { PolicyDrawer } from './PolicyDrawer';
import { atCapWords, capWords, freeWindowsWords, rolloverWords, topOffWords } from './policyWords';
import type { DataUsage } from './types';

/** Opens a side panel; reads as a link in the card. */
const PanelLink = ({ label, onClick }: { label: string; onClick: () => void }) => (
  <Link component="button" variant="body2" onClick={onClick} sx={{ textAlign: 'left', verticalAlign: 'baseline' }}>
    {label}
  </Link>
);

/**
 * Top left of the Data Usage tab: the account's data service, and beneath it the usage policy at a
 * glance; the service's and the policy's names open their details in side panels.
 */
export const DataServiceCard = ({ usage, currency }: { usage: DataUsage; currency: string | undefined }) => {
  const [panel, setPanel] = useState<'service' | 'policy' | null>(null);
  const { dataService, policy, topOff } = usage;
  if (!dataService)
    return (
      <SectionCard title="Data service">
        <Typography variant="body2" color="text.secondary">
          This account has no data service, so there is no usage to bill.
        </Typography>
      </SectionCard>
    );

  return (
    <SectionCard title="Data service">
      <DetailList
        label="Data service"
        rows={[
          ['Service', <PanelLink label={dataService.name} onClick={() => setPanel('service')} />],
          ['Speeds', formatSpeeds(dataService.downloadKbps, dataService.uploadKbps)],
          [
            'Usage policy',
            policy ? <PanelLink label={policy.name} onClick={() => setPanel('policy')} /> : 'None: usage is recorded, not billed',
          ],
        ]}
      />
      {policy ? (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 0.5 }}>
            The policy at a glance
          </Typography>
          <DetailList
            label="Usage policy"
            rows={[
              ['Data cap', capWords(policy)],
              ['At the cap', atCapWords(policy)],
              ['Free periods', freeWindowsWords(policy)],
              ['Top-offs', topOffWords(policy)],
              ['Rollover', rolloverWords(policy)],
            ]}
          />
        </>
      ) : null}
      <DataServiceDrawer service={panel === 'service' ? dataService : null} onClose={() => setPanel(null)} />
      <PolicyDrawer policy={panel === 'policy' ? policy : null} topOff={topOff} currency={currency} onClose={() => setPanel(null)} />
    </SectionCard>
  );
};
