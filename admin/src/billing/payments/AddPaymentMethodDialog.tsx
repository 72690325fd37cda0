import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ActionDialog } from '../common/ActionDialog';
import { paymentMethodName } from './paymentMethodLabels';
import { TestTokenCollector } from './TestTokenCollector';
import type { PaymentMethodType } from './types';
import { usePaymentsChanged } from './usePaymentMethods';
import { useBackhaulDataProvider } from '../../dataProvider';

/** Saves a card or bank account on the account, optionally as its autopay method. */
export const AddPaymentMethodDialog = ({
  accountId,
  type,
  onClose,
}: {
  accountId: number;
  type: PaymentMethodType;
  onClose: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = usePaymentsChanged(accountId);
  const [paymentMethodId, setPaymentMethodId] = useState('');
  const [holderName, setHolderName] = useState('');
  const [autopay, setAutopay] = useState(false);

  const confirm = async () => {
    const saved = await dataProvider.addPaymentMethod(accountId, {
      paymentMethodId,
      autopay,
      ...(holderName.trim() ? { holderName: holderName.trim() } : {}),
    });
    await changed();
    return `${paymentMethodName(saved)} saved`;
  };

  return (
    <ActionDialog
      title={type === 'card' ? 'Add a credit card' : 'Add a bank account'}
      confirmLabel="Save"
      onConfirm={confirm}
      onClose={onClose}
      disabled={paymentMethodId === ''}
    >
      <TestTokenCollector accountId={accountId} type={type} onChange={setPaymentMethodId} />
      <TextField
        fullWidth
        margin="normal"
        label={type === 'card' ? 'Name on the card' : 'Account holder'}
        value={holderName}
        onChange={(event) => setHolderName(event.target.value)}
        helperText="Optional"
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <FormControlLabel
        control={<Switch checked={autopay} onChange={(event) => setAutopay(event.target.checked)} />}
        label="Use for autopay"
      />
    </ActionDialog>
  );
};
