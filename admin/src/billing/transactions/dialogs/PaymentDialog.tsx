import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { formatMoney, parseMoneyInput } from '../../../money';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { DateTextField } from '../../common/DateTextField';
import { newIdempotencyKey } from '../../common/idempotencyKey';
import { isMoneyText, MoneyTextField } from '../../common/MoneyTextField';
import { useBillingChanged } from '../../common/useBillingChanged';
import { paymentMethodLabel } from '../transactionRules';
import { useBackhaulDataProvider } from '../../../dataProvider';

/** A cash, check or wire payment; the API applies it to the oldest open invoices. */
export const PaymentDialog = ({
  accountId,
  currency,
  onClose,
}: {
  accountId: number;
  currency: string | undefined;
  onClose: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  // One key for everything sent from this opening of the dialog: a second click or a retry cannot pay twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [date, setDate] = useState('');
  const needsReference = method !== 'cash';
  const valid = isMoneyText(amount) && parseMoneyInput(amount) > 0 && (!needsReference || reference.trim() !== '');

  const confirm = async () => {
    const cents = parseMoneyInput(amount);
    const posted = await dataProvider.takePayment(
      {
        accountId,
        method,
        amount: cents,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(date ? { date } : {}),
      },
      idempotencyKey,
    );
    await changed();
    const paid = currency ? formatMoney(posted.transaction.total, currency) : String(posted.transaction.total);
    return `Payment of ${paid} recorded${posted.applied.length ? ` and applied to ${posted.applied.length} invoice(s)` : ''}`;
  };

  return (
    <ActionDialog
      title="Take a cash, check or wire payment"
      confirmLabel="Take payment"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!valid}
    >
      <Stack spacing={1} sx={{ pt: 1 }}>
        <RadioGroup row aria-label="Payment method" value={method} onChange={(event) => setMethod(event.target.value as PaymentMethod)}>
          {PAYMENT_METHODS.map((option) => (
            <FormControlLabel key={option} value={option} control={<Radio />} label={paymentMethodLabel(option)} />
          ))}
        </RadioGroup>
        <MoneyTextField label="Amount" value={amount} onChange={setAmount} />
        <TextField
          label={method === 'check' ? 'Check number' : 'Reference'}
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          required={needsReference}
          helperText={needsReference ? 'Required for check and wire payments' : 'Optional'}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <DateTextField label="Date" value={date} onChange={setDate} helperText="Blank: today" />
      </Stack>
    </ActionDialog>
  );
};
