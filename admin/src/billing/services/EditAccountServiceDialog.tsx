import DialogContentText from '@mui/material/DialogContentText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { minorUnitsToInput, moneyInputError, parseMoneyInput } from '../../money';
import type { AccountService } from '../../types';
import { ActionDialog } from '../common/ActionDialog';
import { DateTextField } from '../common/DateTextField';
import { useBillingChanged } from '../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

const isWholeQuantity = (text: string) => /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 100000;

/** Changes a line's quantity, price override or proration date; new terms are billed from the next invoice on. */
export const EditAccountServiceDialog = ({
  service,
  currency,
  onClose,
}: {
  service: AccountService;
  currency: string | undefined;
  onClose: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const [quantity, setQuantity] = useState(String(service.quantity));
  const [price, setPrice] = useState(service.priceOverride === null ? '' : minorUnitsToInput(service.priceOverride));
  const [prorationDate, setProrationDate] = useState(service.additionProrateDate ?? '');
  const isPackage = service.kind === 'package';
  const quantityError = isWholeQuantity(quantity) ? undefined : 'A whole number from 1';
  const priceError = price.trim() === '' ? undefined : moneyInputError(price);

  const confirm = async () => {
    const priceOverride = price.trim() === '' ? null : parseMoneyInput(price);
    await dataProvider.editAccountService(service.id, {
      ...(Number(quantity) !== service.quantity && { quantity: Number(quantity) }),
      ...(!isPackage && priceOverride !== service.priceOverride && { priceOverride }),
      ...((prorationDate || null) !== service.additionProrateDate && { prorationDate: prorationDate || null }),
    });
    await changed();
    return `${service.name} changed`;
  };

  return (
    <ActionDialog
      title={`Edit ${service.name}`}
      confirmLabel="Save changes"
      onConfirm={confirm}
      onClose={onClose}
      disabled={quantityError !== undefined || priceError !== undefined}
    >
      <DialogContentText>
        A new quantity or price is billed from the next invoice on; what was already invoiced stays as it is, and nothing is prorated. To
        change it from a given day with proration, remove the service and add it again.
      </DialogContentText>
      <Stack spacing={2} sx={{ mt: 2 }}>
        <TextField
          label="Quantity"
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
          error={quantityError !== undefined}
          helperText={quantityError}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        {isPackage ? null : (
          <TextField
            label={`Price override${currency ? ` (${currency})` : ''}`}
            value={price}
            onChange={(event) => setPrice(event.target.value)}
            error={priceError !== undefined}
            helperText={priceError ?? 'Blank: the catalogue price'}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
        )}
        <DateTextField
          label="Prorated from"
          value={prorationDate}
          onChange={setProrationDate}
          helperText="Where the first period's proration began"
        />
      </Stack>
    </ActionDialog>
  );
};
