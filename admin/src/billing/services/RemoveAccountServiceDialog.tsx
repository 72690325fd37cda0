import DialogContentText from '@mui/material/DialogContentText';
import { useState } from 'react';
import { Permissions, useHasPermission } from '../../permissions';
import type { AccountService } from '../../types';
import { ActionDialog } from '../common/ActionDialog';
import { DateTextField } from '../common/DateTextField';
import { useBillingChanged } from '../common/useBillingChanged';
import { useAccountBillingConfig } from '../config/useAccountBillingConfig';
import { ProrateSwitch } from './ProrateSwitch';
import { useBackhaulDataProvider } from '../../dataProvider';

/** Takes a service or package off the account from a date. */
export const RemoveAccountServiceDialog = ({ service, onClose }: { service: AccountService; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const canChooseProration = useHasPermission(Permissions.BillingProrationOverride);
  const { data: config } = useAccountBillingConfig(service.accountId);
  const [date, setDate] = useState('');
  const [prorate, setProrate] = useState<boolean | null>(null);
  const effectiveProrate = prorate ?? config?.effective.prorateServices ?? true;

  const confirm = async () => {
    await dataProvider.removeAccountService(service.id, {
      ...(date ? { date } : {}),
      ...(canChooseProration ? { prorate: effectiveProrate } : {}),
    });
    await changed();
    return `${service.name} removed`;
  };

  return (
    <ActionDialog title={`Remove ${service.name}?`} confirmLabel="Remove" confirmColor="error" onConfirm={confirm} onClose={onClose}>
      <DialogContentText>
        The service stops being billed from the date below. When it was paid ahead and proration applies, the unused days come back as a
        credit.
      </DialogContentText>
      <DateTextField label="Removal date" value={date} onChange={setDate} helperText="Blank: today" margin="normal" />
      <div>
        <ProrateSwitch checked={effectiveProrate} onChange={setProrate} label="Prorate: credit the unused days" />
      </div>
    </ActionDialog>
  );
};
