import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';
import { Money } from '../../billing/common/Money';
import { useBillingFigures } from '../../billing/figures/useBillingFigures';
import { accountTabPath } from '../accountTabPath';
import { SectionCard } from './SectionCard';

/** What the account owes today, with the whole balance and free credit beneath. */
export const DueNowCard = ({ accountId }: { accountId: number }) => {
  const { data } = useBillingFigures(accountId);
  const currency = data?.currency;
  return (
    <SectionCard
      title="Due now"
      action={
        <Button size="small" component={Link} to={accountTabPath(accountId, 'billing/invoices')}>
          Invoices
        </Button>
      }
    >
      <Money amount={data?.dueNow} currency={currency} variant="h4" component="div" data-testid="due-now" />
      <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, mt: 1 }}>
        <Typography variant="body2" color="text.secondary">
          Balance due
        </Typography>
        <Money amount={data?.balanceDue} currency={currency} data-testid="due-now-balance" />
        {data && data.balanceDueOnChildInvoices > 0 ? (
          <>
            <Typography variant="body2" color="text.secondary">
              of which child accounts&apos;
            </Typography>
            <Money amount={data.balanceDueOnChildInvoices} currency={currency} data-testid="due-now-child-invoices" />
          </>
        ) : null}
        <Typography variant="body2" color="text.secondary">
          Available credits
        </Typography>
        <Money amount={data?.availableCredits} currency={currency} />
      </Box>
    </SectionCard>
  );
};
