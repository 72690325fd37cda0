import PowerSettingsNewIcon from '@mui/icons-material/PowerSettingsNew';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogContentText from '@mui/material/DialogContentText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { useBillingChanged } from '../../billing/common/useBillingChanged';
import { Permissions, useHasPermission } from '../../permissions';
import type { AccountHeader, AccountService } from '../../types';
import { type Disconnection, disconnectionsQueryKey, useDisconnections } from '../overview/DisconnectionLogCard';
import { useAccountChanged } from '../useAccountChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

const REASON_MAX_LENGTH = 500;

interface DisconnectDialogProps {
  accountId: string;
  accountName: string;
  onClose: () => void;
}

/**
 * Confirms a disconnection and says what it does before it is done: services end,
 * a final invoice takes what is left, the account changes status. The account
 * itself stays; only the API's own checks can refuse it (shown in the dialog).
 */
export const DisconnectDialog = ({ accountId, accountName, onClose }: DisconnectDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const queryClient = useQueryClient();
  const billingChanged = useBillingChanged();
  const accountChanged = useAccountChanged();
  const canReadBilling = useHasPermission(Permissions.BillingRead);
  const { data: settings } = useQuery({
    queryKey: ['disconnection-settings'],
    queryFn: () => dataProvider.fetchDisconnectionSettings(),
  });
  const { data: services = [] } = useGetList<AccountService>(
    'account-services',
    { filter: { accountId: Number(accountId) }, pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: canReadBilling },
  );
  const [picked, setPicked] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const statusId = picked ?? settings?.defaultStatusId ?? null;
  const running = services.filter((service) => service.removedOn === null);

  const confirm = async () => {
    const entry = await dataProvider.disconnectAccount(Number(accountId), {
      ...(statusId !== null ? { statusId } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    queryClient.setQueryData<Disconnection[]>(disconnectionsQueryKey(accountId), (old) => [entry, ...(old ?? [])]);
    // The header is read once per page opening (reading it records a view), so it is given the new status instead.
    queryClient.setQueryData<AccountHeader>(['account-header', accountId], (old) =>
      old && entry.status.id !== null
        ? {
            ...old,
            status: {
              ...old.status,
              id: entry.status.id,
              name: entry.status.name,
              color: entry.status.color ?? old.status.color,
              countsAsActive: false,
            },
          }
        : old,
    );
    await Promise.all([billingChanged(), accountChanged(), queryClient.invalidateQueries({ queryKey: ['accounts'] })]);
    return `${accountName} was disconnected`;
  };

  return (
    <ActionDialog
      title={`Disconnect ${accountName}?`}
      confirmLabel="Disconnect account"
      confirmColor="error"
      onConfirm={confirm}
      onClose={onClose}
      disabled={statusId === null}
    >
      <Alert severity="warning" sx={{ mb: 2 }}>
        This takes effect today and cannot be undone from the panel. The account and its history are kept.
      </Alert>
      <DialogContentText component="div">
        Disconnecting will:
        <Box component="ul" sx={{ mt: 1, mb: 0, pl: 3 }}>
          <li>
            end every service and package on the account
            {canReadBilling && running.length > 0 ? ` (${running.map((service) => service.name).join(', ')})` : ''};
          </li>
          <li>
            put every charge not yet invoiced, including the days used since the last invoice, on a final invoice paid from any available
            credit; days already paid for come back as a credit when the billing settings prorate removals;
          </li>
          <li>move the account to the status below and record who disconnected it, when, and from which service address.</li>
        </Box>
      </DialogContentText>
      {settings && settings.statuses.length === 0 ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          No account status can be used: create one that does not count as active first.
        </Alert>
      ) : (
        <TextField
          select
          fullWidth
          margin="normal"
          label="Status"
          value={statusId === null ? '' : String(statusId)}
          onChange={(event) => setPicked(Number(event.target.value))}
          helperText="Statuses that do not count as active"
        >
          {(settings?.statuses ?? []).map((status) => (
            <MenuItem key={status.id} value={String(status.id)}>
              {status.name}
              {status.isDefault ? ' (default)' : ''}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        fullWidth
        multiline
        minRows={2}
        margin="normal"
        label="Reason (optional)"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        slotProps={{ htmlInput: { maxLength: REASON_MAX_LENGTH } }}
        helperText={`${reason.length}/${REASON_MAX_LENGTH}`}
      />
    </ActionDialog>
  );
};

/** The header's Disconnect button: for those allowed to, and only while the account is not disconnected. */
export const DisconnectAction = ({ accountId, accountName }: { accountId: string; accountName: string }) => {
  const canDisconnect = useHasPermission(Permissions.AccountsDisconnect);
  const { data, isPending } = useDisconnections(accountId);
  const [open, setOpen] = useState(false);
  // Reconnecting does not exist yet, so a logged disconnection means the account is disconnected.
  const disconnected = (data?.length ?? 0) > 0;
  return (
    <>
      {canDisconnect && !isPending && !disconnected ? (
        <Button variant="outlined" color="error" size="small" startIcon={<PowerSettingsNewIcon />} onClick={() => setOpen(true)}>
          Disconnect
        </Button>
      ) : null}
      {open ? <DisconnectDialog accountId={accountId} accountName={accountName} onClose={() => setOpen(false)} /> : null}
    </>
  );
};
