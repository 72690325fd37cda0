import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { SectionCard } from '../accounts/overview/SectionCard';
import { useAccountCurrency } from '../billing/figures/useBillingFigures';
import { CurrentUsageGauge } from './CurrentUsageGauge';
import { TopOffButton } from './TopOffButton';
import { useDataUsage } from './useDataUsage';

/**
 * "Billable data usage": this period's billable usage against the allowance, with Top Off where
 * the policy allows it. On the Overview alone; on the Data Usage tab with the chart beneath.
 */
export const BillableUsageCard = ({ accountId, children }: { accountId: number; children?: ReactNode }) => {
  const { data: usage, error } = useDataUsage(accountId);
  const currency = useAccountCurrency(accountId);
  // On the Overview, an account without a data service has nothing to show here.
  if (!children && !usage?.dataService) return null;
  return (
    <SectionCard title="Billable data usage" action={<TopOffButton accountId={accountId} offer={usage?.topOff} currency={currency} />}>
      {error ? (
        <Typography variant="body2" color="error">
          The data usage could not load.
        </Typography>
      ) : null}
      {usage ? <CurrentUsageGauge period={usage.current} /> : null}
      {children}
    </SectionCard>
  );
};
