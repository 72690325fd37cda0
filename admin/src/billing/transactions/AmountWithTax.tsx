import Box from '@mui/material/Box';
import type { Transaction } from '../../types';
import { Money } from '../common/Money';
import { signed } from './transactionRules';

/** The amount before taxes, signed as it moves the balance, with its tax in small type beneath. */
export const AmountWithTax = ({ transaction, currency }: { transaction: Transaction; currency: string | undefined }) => (
  <Box sx={{ textAlign: 'right' }}>
    <Money amount={signed(transaction, transaction.amount)} currency={currency} component="div" data-testid="transaction-amount" />
    {transaction.taxAmount !== 0 ? (
      <Money
        amount={signed(transaction, transaction.taxAmount)}
        currency={currency}
        component="div"
        variant="caption"
        color="text.secondary"
        title="Taxes"
        aria-label="Taxes"
      />
    ) : null}
  </Box>
);
