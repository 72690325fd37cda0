import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ActionDialog } from '../common/ActionDialog';
import { paymentMethodName } from './paymentMethodLabels';
import type { BankAccountType, PaymentMethodChanges, SavedPaymentMethod } from './types';
import { usePaymentsChanged } from './usePaymentMethods';
import { useBackhaulDataProvider } from '../../dataProvider';

const wholeNumber = (text: string): number | undefined => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** What can change on a saved method; a new number means deleting it and adding the new one. */
export const EditPaymentMethodDialog = ({ method, onClose }: { method: SavedPaymentMethod; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = usePaymentsChanged(method.accountId);
  const [holderName, setHolderName] = useState(method.holderName ?? '');
  const [expMonth, setExpMonth] = useState(method.expMonth ? String(method.expMonth) : '');
  const [expYear, setExpYear] = useState(method.expYear ? String(method.expYear) : '');
  const [accountType, setAccountType] = useState<BankAccountType>(method.accountType ?? 'checking');
  const [autopay, setAutopay] = useState(method.autopay);
  const month = wholeNumber(expMonth);
  const year = wholeNumber(expYear);
  const validExpiry = method.type !== 'card' || (month !== undefined && month >= 1 && month <= 12 && year !== undefined && year >= 2000);

  const confirm = async () => {
    const changes: PaymentMethodChanges = {};
    if (holderName.trim() !== (method.holderName ?? '')) changes.holderName = holderName.trim() || null;
    if (method.type === 'card' && (month !== method.expMonth || year !== method.expYear))
      Object.assign(changes, { expMonth: month, expYear: year });
    if (method.type === 'bank' && accountType !== method.accountType) changes.accountType = accountType;
    if (autopay !== method.autopay) changes.autopay = autopay;
    await dataProvider.updatePaymentMethod(method, changes);
    await changed();
    return `${paymentMethodName(method)} updated`;
  };

  return (
    <ActionDialog
      title={`Edit ${paymentMethodName(method)}`}
      confirmLabel="Save"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!validExpiry}
    >
      <TextField
        fullWidth
        margin="normal"
        label={method.type === 'card' ? 'Name on the card' : 'Account holder'}
        value={holderName}
        onChange={(event) => setHolderName(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      {method.type === 'card' ? (
        <Stack direction="row" spacing={2}>
          <TextField
            label="Expiry month"
            value={expMonth}
            onChange={(event) => setExpMonth(event.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 2 } }}
            margin="normal"
          />
          <TextField
            label="Expiry year"
            value={expYear}
            onChange={(event) => setExpYear(event.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
            margin="normal"
          />
        </Stack>
      ) : (
        <TextField
          select
          fullWidth
          margin="normal"
          label="Account type"
          value={accountType}
          onChange={(event) => setAccountType(event.target.value as BankAccountType)}
        >
          <MenuItem value="checking">Checking</MenuItem>
          <MenuItem value="savings">Savings</MenuItem>
        </TextField>
      )}
      <FormControlLabel
        control={<Switch checked={autopay} onChange={(event) => setAutopay(event.target.checked)} />}
        label="Use for autopay"
      />
    </ActionDialog>
  );
};
