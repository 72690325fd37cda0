import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { Permissions, useHasPermission } from '../../permissions';
import { BillableUsageCard } from '../../usage/BillableUsageCard';
import type { AccountTabProps } from '../accountTabs';
import { CustomFieldsCard } from './CustomFieldsCard';
import { DataServicesCard } from './DataServicesCard';
import { DetailsCard } from './DetailsCard';
import { DisconnectionLogCard } from './DisconnectionLogCard';
import { DueNowCard } from './DueNowCard';
import { FilesCard } from './FilesCard';
import { LocationCard } from './LocationCard';
import { NotesCard } from './NotesCard';
import { PrimaryContactCard } from './PrimaryContactCard';
import { RecentLogsCard } from './RecentLogsCard';
import { ScheduledEventsCard } from './ScheduledEventsCard';
import { TasksCard } from './TasksCard';

/** The default tab: the account at a glance, in two columns on wide screens. */
export const OverviewTab = ({ account }: AccountTabProps) => {
  const canReadLogs = useHasPermission(Permissions.AuditRead);
  const canReadBilling = useHasPermission(Permissions.BillingRead);
  const canReadUsage = useHasPermission(Permissions.NetworkRead);
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Stack spacing={2}>
          {canReadBilling ? <DueNowCard accountId={account.id} /> : null}
          <DetailsCard account={account} />
          {canReadBilling ? <DataServicesCard accountId={account.id} /> : null}
          {canReadUsage ? <BillableUsageCard accountId={account.id} /> : null}
          {canReadBilling ? <ScheduledEventsCard accountId={account.id} /> : null}
          <NotesCard accountId={account.id} />
          <TasksCard accountId={account.id} />
          <FilesCard accountId={account.id} />
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Stack spacing={2}>
          <PrimaryContactCard accountId={account.id} />
          <LocationCard account={account} />
          <CustomFieldsCard accountId={account.id} />
          <DisconnectionLogCard accountId={account.id} />
          {canReadLogs ? <RecentLogsCard accountId={account.id} /> : null}
        </Stack>
      </Grid>
    </Grid>
  );
};
