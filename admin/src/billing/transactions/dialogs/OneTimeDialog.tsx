import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { parseMoneyInput } from '../../../money';
import type { CatalogService, ServiceKind } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { DateTextField } from '../../common/DateTextField';
import { isMoneyText, MoneyTextField } from '../../common/MoneyTextField';
import { useBillingChanged } from '../../common/useBillingChanged';
import { isQuantityText } from '../../invoices/dialogs/invoiceLines';
import { ServicePicker } from './ServicePicker';
import { useBackhaulDataProvider } from '../../../dataProvider';

const ONE_TIME_KINDS: readonly ServiceKind[] = ['one_time', 'recurring', 'data', 'voice'];

/** Charges a service once; it waits for the next invoice. */
export const OneTimeDialog = ({
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
  const [quantity, setQuantity] = useState('1');
  const [price, setPrice] = useState('');
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  const valid = service !== null && isQuantityText(quantity) && isMoneyText(price, { optional: true });

  const confirm = async () => {
    await dataProvider.postOneTime({
      accountId,
      serviceId: (service as CatalogService).id,
      quantity: Number(quantity),
      ...(price.trim() ? { price: parseMoneyInput(price) } : {}),
      ...(date ? { date } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
    });
    await changed();
    return `${(service as CatalogService).name} charged`;
  };

  return (
    <ActionDialog title="Add a one-time transaction" confirmLabel="Add transaction" onConfirm={confirm} onClose={onClose} disabled={!valid}>
      <ServicePicker label="Service" kinds={ONE_TIME_KINDS} value={service} onChange={setService} currency={currency} />
      <Stack direction="row" spacing={2}>
        <TextField
          label="Quantity"
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
          error={!isQuantityText(quantity)}
          margin="normal"
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <MoneyTextField
          label="Unit price"
          value={price}
          onChange={setPrice}
          optional
          helperText="Blank: the service price"
          margin="normal"
        />
      </Stack>
      <DateTextField label="Date" value={date} onChange={setDate} helperText="Blank: today" margin="normal" />
      <TextField
        label="Description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        fullWidth
        margin="normal"
        helperText="Blank: the service name"
        slotProps={{ htmlInput: { maxLength: 255 } }}
      />
    </ActionDialog>
  );
};
