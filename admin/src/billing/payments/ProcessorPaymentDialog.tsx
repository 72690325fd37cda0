import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { HttpError } from 'react-admin';
import { formatMoney, parseMoneyInput } from '../../money';
import { ActionDialog } from '../common/ActionDialog';
import { DateTextField } from '../common/DateTextField';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { isMoneyText, MoneyTextField } from '../common/MoneyTextField';
import { readableProblem } from '../common/readableProblem';
import { paymentMethodName } from './paymentMethodLabels';
import type { PaymentMethodType, SavedPaymentMethod } from './types';
import { usePaymentMethods, usePaymentsChanged } from './usePaymentMethods';
import { useBackhaulDataProvider } from '../../dataProvider';

/** The dialog's names for the fields the API may refuse. */
const FIELD_LABELS: Record<string, string> = {
  accountId: 'Account',
  paymentMethodId: 'Card or bank account',
  amount: 'Amount',
  date: 'Date',
  'Idempotency-Key': 'Request',
};

/** The method a clerk most likely means: the autopay one, or the only one there is. */
const likelyMethod = (methods: SavedPaymentMethod[]): SavedPaymentMethod | undefined =>
  methods.find((method) => method.autopay) ?? (methods.length === 1 ? methods[0] : undefined);

const describeProblem = (error: unknown) => readableProblem(error, FIELD_LABELS);

/**
 * A payment from a card or bank account saved on the account. A card is charged at once;
 * a bank debit is recorded when the bank settles it, days later.
 */
export const ProcessorPaymentDialog = ({
  accountId,
  currency,
  onClose,
}: {
  accountId: number;
  currency: string | undefined;
  onClose: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = usePaymentsChanged(accountId);
  const { data: methods = [], isPending } = usePaymentMethods(accountId);
  // One key per payment attempt: a second click or a retry after a timeout cannot charge twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  // null until the clerk picks: until then the autopay method, or the only one, is chosen for them.
  const [typeChoice, setTypeChoice] = useState<PaymentMethodType | null>(null);
  const [methodChoice, setMethodChoice] = useState<number | null>(null);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState('');
  const type = typeChoice ?? likelyMethod(methods)?.type ?? 'card';
  const choices = methods.filter((method) => method.type === type);
  const methodId = methodChoice ?? likelyMethod(choices)?.id ?? '';
  const chosen = choices.find((method) => method.id === methodId);
  const valid = chosen !== undefined && isMoneyText(amount) && parseMoneyInput(amount) > 0;

  const confirm = async () => {
    const cents = parseMoneyInput(amount);
    try {
      const payment = await dataProvider.takeProcessorPayment(
        type,
        { accountId, paymentMethodId: chosen?.id as number, amount: cents, ...(date ? { date } : {}) },
        idempotencyKey,
      );
      await changed();
      const paid = currency ? formatMoney(payment.amount, currency) : String(payment.amount);
      return payment.status === 'pending'
        ? `Bank payment of ${paid} submitted; it is recorded when the bank settles it`
        : `Card payment of ${paid} recorded`;
    } catch (error) {
      // A decline is final and charged nothing: the next try is a new payment with a new key.
      if (error instanceof HttpError && error.status === 402) {
        setIdempotencyKey(newIdempotencyKey());
        await changed();
      }
      throw error;
    }
  };

  return (
    <ActionDialog
      title="Take a card or bank payment"
      confirmLabel="Take payment"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!valid}
      describeProblem={describeProblem}
    >
      <Stack spacing={1} sx={{ pt: 1 }}>
        <RadioGroup
          row
          aria-label="Pay with"
          value={type}
          onChange={(event) => {
            setTypeChoice(event.target.value as PaymentMethodType);
            setMethodChoice(null);
          }}
        >
          <FormControlLabel value="card" control={<Radio />} label="Credit card" />
          <FormControlLabel value="bank" control={<Radio />} label="Bank account" />
        </RadioGroup>
        {!isPending && choices.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No {type === 'card' ? 'card' : 'bank account'} is saved on this account; add one on the Payment details tab.
          </Typography>
        ) : (
          <TextField
            select
            label={type === 'card' ? 'Card' : 'Bank account'}
            value={methodId}
            onChange={(event) => setMethodChoice(Number(event.target.value))}
          >
            {choices.map((method) => (
              <MenuItem key={method.id} value={method.id}>
                {paymentMethodName(method)}
              </MenuItem>
            ))}
          </TextField>
        )}
        <MoneyTextField label="Amount" value={amount} onChange={setAmount} />
        <DateTextField label="Date" value={date} onChange={setDate} helperText="Blank: today" />
      </Stack>
    </ActionDialog>
  );
};
