import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { PaymentMethodType } from './types';

export interface PaymentMethodCollectorProps {
  accountId: number;
  type: PaymentMethodType;
  /** Stripe's PaymentMethod id once the details are complete; '' while they are not. */
  onChange: (paymentMethodId: string) => void;
}

const TOKEN = /^pm_[A-Za-z0-9_]{1,200}$/;
const EXAMPLES: Record<PaymentMethodType, string> = { card: 'pm_card_visa', bank: 'pm_usBankAccount_success' };

/**
 * Collects the card or bank account and hands back Stripe's PaymentMethod id. This
 * one takes a Stripe test token typed by hand, because Stripe's elements load from
 * Stripe's servers and the panel must work offline. A collector with the same props can
 * mount Stripe's Payment Element with the client secret of createSetupIntent, confirm
 * the set-up and pass on the method it returns; the dialogs around it stay as they are.
 */
export const TestTokenCollector = ({ type, onChange }: PaymentMethodCollectorProps) => {
  const [token, setToken] = useState('');
  const invalid = token !== '' && !TOKEN.test(token);
  return (
    <TextField
      fullWidth
      margin="normal"
      label="Stripe payment method or test token"
      value={token}
      onChange={(event) => {
        const value = event.target.value.trim();
        setToken(value);
        onChange(TOKEN.test(value) ? value : '');
      }}
      error={invalid}
      helperText={
        invalid ? 'Starts with pm_, for example ' + EXAMPLES[type] : `For example ${EXAMPLES[type]}. Numbers are never typed here.`
      }
      slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
    />
  );
};
