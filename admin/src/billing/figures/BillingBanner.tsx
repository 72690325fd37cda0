import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { BillingFigures } from '../../types';
import { Money } from '../common/Money';
import { useBillingFigures } from './useBillingFigures';
import { toApiProblem } from '../../dataProvider';

const FIGURES: {
  key: keyof Omit<BillingFigures, 'currency' | 'nextBillingDate' | 'balanceDueOnChildInvoices'>;
  label: string;
  hint: string;
}[] = [
  { key: 'balanceDue', label: 'Balance due', hint: 'Still owed on open invoices' },
  { key: 'availableCredits', label: 'Available credits', hint: 'Payments and credits not yet applied to an invoice' },
  { key: 'totalBalance', label: 'Total balance', hint: 'Open invoices plus charges waiting for an invoice' },
  { key: 'nextRecurringCharge', label: 'Next recurring charge', hint: 'One period of the recurring services and packages, with taxes' },
];

/** The four figures at the top of the Invoices and Transactions tabs. */
export const BillingBanner = ({ accountId }: { accountId: number }) => {
  const { data, error } = useBillingFigures(accountId);
  if (error) return <Alert severity="error">The billing figures could not load: {toApiProblem(error).message}</Alert>;
  return (
    <Paper
      component="section"
      aria-label="Billing figures"
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' }, gap: 2, p: 2 }}
    >
      {FIGURES.map(({ key, label, hint }) => (
        <Box key={key} title={hint}>
          <Typography variant="caption" color="text.secondary" component="div">
            {label}
          </Typography>
          <Money amount={data?.[key]} currency={data?.currency} variant="h6" data-testid={`figure-${key}`} aria-label={label} />
          {key === 'balanceDue' && data && data.balanceDueOnChildInvoices > 0 ? (
            // A parent pays its children's linked invoices, so its balance counts them: say how much is theirs.
            <Typography variant="caption" color="text.secondary" component="div" data-testid="figure-balanceDueOnChildInvoices">
              Includes <Money amount={data.balanceDueOnChildInvoices} currency={data.currency} variant="caption" /> on child accounts&apos;
              invoices
            </Typography>
          ) : null}
        </Box>
      ))}
    </Paper>
  );
};
