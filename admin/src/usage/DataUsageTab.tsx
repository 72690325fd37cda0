import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import type { AccountTabProps } from '../accounts/accountTabs';
import { useAccountCurrency } from '../billing/figures/useBillingFigures';
import { errorMessage } from '../dataProvider';
import { BillableUsageCard } from './BillableUsageCard';
import { BillableUsageChart } from './BillableUsageChart';
import { DataServiceCard } from './DataServiceCard';
import { ThroughputCard } from './ThroughputCard';
import { UsageHistoryCard } from './UsageHistoryCard';
import { useDataUsage, useUsagePeriods } from './useDataUsage';

/**
 * The account's Data Usage tab: the data service and its usage policy beside the billable usage
 * per billing period (with Top Off), the throughput over chosen days, and the usage history.
 */
export const DataUsageTab = ({ account }: AccountTabProps) => {
  const [count, setCount] = useState(12);
  const usage = useDataUsage(account.id);
  const periods = useUsagePeriods(account.id, count);
  const currency = useAccountCurrency(account.id);

  return (
    <Stack spacing={2}>
      {usage.error ? <Alert severity="error">The data usage could not load: {errorMessage(usage.error)}</Alert> : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 4 }}>{usage.data ? <DataServiceCard usage={usage.data} currency={currency} /> : null}</Grid>
        <Grid size={{ xs: 12, lg: 8 }}>
          <BillableUsageCard accountId={account.id}>
            {periods.data ? <BillableUsageChart periods={periods.data} /> : null}
          </BillableUsageCard>
        </Grid>
      </Grid>
      <ThroughputCard accountId={account.id} />
      <UsageHistoryCard accountId={account.id} periods={periods.data} error={periods.error} count={count} onCount={setCount} />
    </Stack>
  );
};
