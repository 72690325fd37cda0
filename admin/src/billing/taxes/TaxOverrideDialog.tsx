import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { formatRateE4, parseRatePercent, rateE4ToInput, ratePercentError } from '../../taxes/rateE4';
import type { Tax, TaxOverride } from '../../types';
import { ActionDialog } from '../common/ActionDialog';
import { useBillingChanged } from '../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

interface TaxOverrideDialogProps {
  accountId: number;
  /** Absent to add one. */
  override?: TaxOverride;
  onSaved: () => Promise<unknown>;
  onClose: () => void;
}

/** Exempts the account from one tax, or charges it at another rate. */
export const TaxOverrideDialog = ({ accountId, override, onSaved, onClose }: TaxOverrideDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const { data: taxes = [] } = useGetList<Tax>('taxes', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } });
  const [taxId, setTaxId] = useState<number | ''>(override?.taxId ?? '');
  const [kind, setKind] = useState<TaxOverride['kind']>(override?.kind ?? 'exempt');
  const [rate, setRate] = useState(override?.rateE4 !== null && override?.rateE4 !== undefined ? rateE4ToInput(override.rateE4) : '');
  const rateError = kind === 'rate' ? ratePercentError(rate) : undefined;

  const confirm = async () => {
    const input = { taxId: taxId as number, kind, rateE4: kind === 'rate' ? parseRatePercent(rate) : null };
    if (override) await dataProvider.updateTaxOverride(accountId, override.id, input);
    else await dataProvider.createTaxOverride(accountId, input);
    await Promise.all([onSaved(), changed()]);
    return 'Tax override saved';
  };

  return (
    <ActionDialog
      title={override ? 'Edit the tax override' : 'Add a tax override'}
      confirmLabel="Save override"
      onConfirm={confirm}
      onClose={onClose}
      disabled={taxId === '' || rateError !== undefined}
    >
      <TextField
        select
        fullWidth
        margin="normal"
        label="Tax"
        value={taxId}
        onChange={(event) => setTaxId(Number(event.target.value))}
        disabled={Boolean(override)}
      >
        {taxes.map((tax) => (
          <MenuItem key={tax.id} value={tax.id}>
            {`${tax.name} (${formatRateE4(tax.rateE4)})`}
          </MenuItem>
        ))}
      </TextField>
      <RadioGroup value={kind} onChange={(event) => setKind(event.target.value as TaxOverride['kind'])} aria-label="Override kind">
        <FormControlLabel value="exempt" control={<Radio />} label="Exempt: this tax is not charged to the account" />
        <FormControlLabel value="rate" control={<Radio />} label="Another rate for this account" />
      </RadioGroup>
      {kind === 'rate' ? (
        <TextField
          label="Rate (percent)"
          value={rate}
          onChange={(event) => setRate(event.target.value)}
          error={Boolean(rate) && rateError !== undefined}
          helperText={(rate && rateError) || 'Up to 4 decimals, e.g. 8.25'}
          margin="normal"
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
      ) : null}
    </ActionDialog>
  );
};
