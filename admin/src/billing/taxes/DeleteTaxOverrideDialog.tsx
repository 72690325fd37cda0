import DialogContentText from '@mui/material/DialogContentText';
import type { TaxOverride } from '../../types';
import { ActionDialog } from '../common/ActionDialog';
import { useBillingChanged } from '../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

export const DeleteTaxOverrideDialog = ({
  override,
  taxName,
  onSaved,
  onClose,
}: {
  override: TaxOverride;
  taxName: string;
  onSaved: () => Promise<unknown>;
  onClose: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const confirm = async () => {
    await dataProvider.deleteTaxOverride(override.accountId, override.id);
    await Promise.all([onSaved(), changed()]);
    return 'Tax override deleted';
  };
  return (
    <ActionDialog
      title={`Delete the override of ${taxName}?`}
      confirmLabel="Delete override"
      confirmColor="error"
      onConfirm={confirm}
      onClose={onClose}
    >
      <DialogContentText>
        From now on the tax is charged to this account as to any other. Charges already written keep their tax.
      </DialogContentText>
    </ActionDialog>
  );
};
