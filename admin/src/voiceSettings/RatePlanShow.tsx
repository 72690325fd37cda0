import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EditButton, ListButton, ShowBase, Title, TopToolbar, useRecordContext } from 'react-admin';
import { formatDateTime } from '../accounts/formatting';
import { SubTabCard } from '../network/common/SubTabCard';
import { Permissions, useHasPermission } from '../permissions';
import { ImportDeckButton } from './ImportDeckButton';
import { RateList } from './RateList';
import type { RatePlan } from './types';
import { plural } from './voiceWords';

const PlanPage = () => {
  const plan = useRecordContext<RatePlan>();
  const canConfigure = useHasPermission(Permissions.VoiceConfigure);
  if (!plan) return null;
  return (
    <>
      <Title title={`Rate plan ${plan.name}`} />
      <TopToolbar>
        <ListButton label="All rate plans" />
        {canConfigure ? <EditButton /> : null}
      </TopToolbar>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h5" component="h1">
            {plan.name}
          </Typography>
          {plan.description ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
              {plan.description}
            </Typography>
          ) : null}
          <Stack direction="row" sx={{ mt: 1.5, gap: 3, flexWrap: 'wrap' }}>
            <Typography variant="body2" aria-label="Rates in the plan">
              {plural(plan.rates, 'rate', 'rates')}
            </Typography>
            <Typography variant="body2">
              {plan.services === 0
                ? 'No voice service of the catalog is priced by it'
                : `Prices ${plural(plan.services, 'voice service', 'voice services')} of the catalog`}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Last changed {formatDateTime(plan.updatedAt)}
            </Typography>
          </Stack>
        </CardContent>
      </Card>
      <SubTabCard title="Rates" actions={canConfigure ? <ImportDeckButton plan={plan} /> : null}>
        <RateList plan={plan} />
      </SubTabCard>
    </>
  );
};

/** A rate plan's page: what it is, how many catalog services it prices, and its deck, with the import for those who configure voice. */
export const RatePlanShow = () => (
  <ShowBase>
    <PlanPage />
  </ShowBase>
);
