import DialogContentText from '@mui/material/DialogContentText';
import { useState } from 'react';
import { fromDraft, draftError, toDraft } from '../../billingSettings/settingDrafts';
import type { SettingField } from '../../billingSettings/settingFields';
import { SettingInput } from '../../billingSettings/SettingInput';
import type { AccountBillingConfig, AccountStatus, CatalogService } from '../../types';
import { ActionDialog } from '../common/ActionDialog';
import { useBillingChanged } from '../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

interface OverrideSettingDialogProps {
  accountId: number;
  config: AccountBillingConfig;
  field: SettingField;
  services: CatalogService[];
  statuses: AccountStatus[];
  onSaved: () => Promise<unknown>;
  onClose: () => void;
}

/** Sets one setting for this account only; the others keep what they had. */
export const OverrideSettingDialog = ({ accountId, config, field, services, statuses, onSaved, onClose }: OverrideSettingDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const [draft, setDraft] = useState(() => toDraft(field, config.effective[field.key]));
  const confirm = async () => {
    await dataProvider.saveAccountBillingOverrides(accountId, { [field.key]: fromDraft(field, draft) });
    await Promise.all([onSaved(), changed()]);
    return `${field.label} overridden for this account`;
  };
  return (
    <ActionDialog
      title={`Override: ${field.label}`}
      confirmLabel="Save override"
      onConfirm={confirm}
      onClose={onClose}
      disabled={draftError(field, draft) !== undefined}
    >
      <DialogContentText sx={{ mb: 1 }}>This account stops inheriting the setting and keeps the value below.</DialogContentText>
      <SettingInput field={field} value={draft} onChange={setDraft} services={services} statuses={statuses} />
    </ActionDialog>
  );
};
