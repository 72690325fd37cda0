import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { PaymentMethodCollectorProps } from './paymentMethodCollector';
import type { TestPaymentMethod } from './types';

/**
 * On an instance without Stripe's elements (a local one, or Stripe test mode without a
 * publishable key): Stripe's documented test cards and bank accounts, each saying what
 * happens when it is charged. Never real money; the label says so.
 */
export const TestPaymentMethodPicker = ({ type, onReady, methods }: PaymentMethodCollectorProps & { methods: TestPaymentMethod[] }) => {
  const [token, setToken] = useState('');
  const choices = methods.filter((method) => method.type === type);
  const noun = type === 'card' ? 'card' : 'bank account';
  return (
    <>
      <Alert severity="info" sx={{ mt: 1 }}>
        Test data: this instance has no Stripe publishable key, so only Stripe&rsquo;s test {noun}s can be saved. No real money moves.
      </Alert>
      <TextField
        select
        fullWidth
        margin="normal"
        label={type === 'card' ? 'Test card' : 'Test bank account'}
        value={token}
        onChange={(event) => {
          const chosen = event.target.value;
          setToken(chosen);
          onReady(chosen ? () => Promise.resolve(chosen) : null);
        }}
        helperText="What Stripe’s test mode does when it is charged"
      >
        {choices.map((method) => (
          <MenuItem key={method.token} value={method.token}>
            {method.label} — ending {method.last4}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
};
