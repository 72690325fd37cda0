import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Account } from '../../types';
import { formatDate, formatDateTime } from '../formatting';
import { useNextBillingDate } from '../useNextBillingDate';
import { SectionCard } from './SectionCard';

export const DetailsCard = ({ account }: { account: Account }) => {
  const nextBillingDate = useNextBillingDate(account.id);
  const rows: [string, string][] = [
    ['Created', formatDateTime(account.createdAt)],
    ['Activated', account.activatedAt ? formatDateTime(account.activatedAt) : 'Not yet'],
    ['Next billing date', formatDate(nextBillingDate)],
  ];
  return (
    <SectionCard title="Details">
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        {rows.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0 }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
    </SectionCard>
  );
};
