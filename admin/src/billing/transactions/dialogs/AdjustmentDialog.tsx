import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { parseMoneyInput } from '../../../money';
import type { CatalogService } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { DateTextField } from '../../common/DateTextField';
import { isMoneyText, MoneyTextField } from '../../common/MoneyTextField';
import { useBillingChanged } from '../../common/useBillingChanged';
import { ServicePicker } from './ServicePicker';
import { useBackhaulDataProvider } from '../../../dataProvider';

/** Moves the balance through an adjustment service, which says whether it is a debit or a credit. */
export const AdjustmentDialog = ({
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
  const [service, setService] = useState<CatalogService | null>(null);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  const valid = service !== null && isMoneyText(amount, { optional: true }) && (amount.trim() === '' || parseMoneyInput(amount) > 0);

  const confirm = async () => {
    await dataProvider.postAdjustment({
      accountId,
      serviceId: (service as CatalogService).id,
      ...(amount.trim() ? { amount: parseMoneyInput(amount) } : {}),
      ...(date ? { date } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
    });
    await changed();
    return 'Adjustment added';
  };

  return (
    <ActionDialog title="Add an adjustment" confirmLabel="Add adjustment" onConfirm={confirm} onClose={onClose} disabled={!valid}>
      <ServicePicker label="Adjustment service" kinds={['adjustment']} value={service} onChange={setService} currency={currency} />
      {service ? (
        <TextField
          value={service.adjustmentSide === 'credit' ? 'Credit: lowers the balance' : 'Debit: raises the balance'}
          label="Direction"
          fullWidth
          margin="normal"
          slotProps={{ input: { readOnly: true } }}
        />
      ) : null}
      <MoneyTextField
        label="Amount"
        value={amount}
        onChange={setAmount}
        optional
        helperText="Blank: the service price"
        margin="normal"
        fullWidth
      />
      <DateTextField label="Date" value={date} onChange={setDate} helperText="Blank: today" margin="normal" />
      <TextField
        label="Description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        fullWidth
        margin="normal"
        slotProps={{ htmlInput: { maxLength: 255 } }}
      />
    </ActionDialog>
  );
};
