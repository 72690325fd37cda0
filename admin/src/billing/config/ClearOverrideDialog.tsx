import DialogContentText from '@mui/material/DialogContentText';
import type { SettingField } from '../../billingSettings/settingFields';
import { ActionDialog } from '../common/ActionDialog';
import { useBillingChanged } from '../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

interface ClearOverrideDialogProps {
  accountId: number;
  field: SettingField;
  onSaved: () => Promise<unknown>;
  onClose: () => void;
}

/** Drops the account's own value so the setting is inherited again. */
export const ClearOverrideDialog = ({ accountId, field, onSaved, onClose }: ClearOverrideDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const confirm = async () => {
    await dataProvider.saveAccountBillingOverrides(accountId, { [field.key]: null });
    await Promise.all([onSaved(), changed()]);
    return `${field.label} is inherited again`;
  };
  return (
    <ActionDialog
      title={`Clear the override of ${field.label}?`}
      confirmLabel="Clear override"
      confirmColor="warning"
      onConfirm={confirm}
      onClose={onClose}
    >
      <DialogContentText>The account goes back to the value of its account type or of the system.</DialogContentText>
    </ActionDialog>
  );
};
