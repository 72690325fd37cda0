import Stack from '@mui/material/Stack';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { GeoTaxesCard } from './GeoTaxesCard';
import { TaxOverridesCard } from './TaxOverridesCard';

export const AccountTaxesTab = ({ account }: AccountTabProps) => (
  <Stack spacing={2}>
    <GeoTaxesCard accountId={account.id} />
    <TaxOverridesCard accountId={account.id} />
  </Stack>
);
