import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { Permissions, useHasPermission } from '../../permissions';

/**
 * Whether to prorate, for those allowed to choose (billing.proration_override).
 * Everyone else gets nothing to click: the billing configuration decides.
 */
export const ProrateSwitch = ({ checked, onChange, label }: { checked: boolean; onChange: (checked: boolean) => void; label: string }) => {
  const canChoose = useHasPermission(Permissions.BillingProrationOverride);
  if (!canChoose) return null;
  return <FormControlLabel control={<Switch checked={checked} onChange={(event) => onChange(event.target.checked)} />} label={label} />;
};
