import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { parseMoneyInput } from '../../money';
import { Permissions, useHasPermission } from '../../permissions';
import { type CatalogPackage, type CatalogService, RECURRING_KINDS } from '../../types';
import { ActionDialog } from '../common/ActionDialog';
import { DateTextField } from '../common/DateTextField';
import { isMoneyText, MoneyTextField } from '../common/MoneyTextField';
import { useBillingChanged } from '../common/useBillingChanged';
import { useAccountBillingConfig } from '../config/useAccountBillingConfig';
import { isQuantityText } from '../invoices/dialogs/invoiceLines';
import { ServicePicker } from '../transactions/dialogs/ServicePicker';
import { PackagePicker } from './PackagePicker';
import { ProrateSwitch } from './ProrateSwitch';
import { useBackhaulDataProvider } from '../../dataProvider';

/** Puts a recurring service or a package on the account from a date. */
export const AddAccountServiceDialog = ({
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
  const canChooseProration = useHasPermission(Permissions.BillingProrationOverride);
  const { data: config } = useAccountBillingConfig(accountId);
  const [what, setWhat] = useState<'service' | 'package'>('service');
  const [service, setService] = useState<CatalogService | null>(null);
  const [pkg, setPkg] = useState<CatalogPackage | null>(null);
  const [quantity, setQuantity] = useState('1');
  const [priceOverride, setPriceOverride] = useState('');
  const [date, setDate] = useState('');
  const [prorate, setProrate] = useState<boolean | null>(null);
  const effectiveProrate = prorate ?? config?.effective.prorateServices ?? true;

  const chosen = what === 'service' ? service !== null : pkg !== null;
  const valid = chosen && isQuantityText(quantity) && (what === 'package' || isMoneyText(priceOverride, { optional: true }));

  const confirm = async () => {
    const added = await dataProvider.addAccountService({
      accountId,
      ...(what === 'service' ? { serviceId: (service as CatalogService).id } : { packageId: (pkg as CatalogPackage).id }),
      quantity: Number(quantity),
      ...(what === 'service' && priceOverride.trim() ? { priceOverride: parseMoneyInput(priceOverride) } : {}),
      ...(date ? { date } : {}),
      ...(canChooseProration ? { prorate: effectiveProrate } : {}),
    });
    await changed();
    return `${added.name} added`;
  };

  return (
    <ActionDialog title="Add a service or package" confirmLabel="Add to account" onConfirm={confirm} onClose={onClose} disabled={!valid}>
      <RadioGroup row aria-label="Add a" value={what} onChange={(event) => setWhat(event.target.value as 'service' | 'package')}>
        <FormControlLabel value="service" control={<Radio />} label="Service" />
        <FormControlLabel value="package" control={<Radio />} label="Package" />
      </RadioGroup>
      {what === 'service' ? (
        <ServicePicker label="Service" kinds={RECURRING_KINDS} value={service} onChange={setService} currency={currency} />
      ) : (
        <PackagePicker value={pkg} onChange={setPkg} currency={currency} />
      )}
      <Stack direction="row" spacing={2}>
        <TextField
          label="Quantity"
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
          error={!isQuantityText(quantity)}
          margin="normal"
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        {what === 'service' ? (
          <MoneyTextField
            label="Price override"
            value={priceOverride}
            onChange={setPriceOverride}
            optional
            helperText="Unit price instead of the catalogue's; blank keeps it"
            margin="normal"
          />
        ) : null}
      </Stack>
      <DateTextField label="Date" value={date} onChange={setDate} helperText="Blank: today" margin="normal" />
      <div>
        <ProrateSwitch checked={effectiveProrate} onChange={setProrate} label="Prorate: charge only the days left in the current period" />
      </div>
    </ActionDialog>
  );
};
