import SyncIcon from '@mui/icons-material/Sync';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useRedirect } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';

/** Starts a reconciliation after the operator confirms, then opens it to follow its report. */
export const RunReconciliationButton = () => {
  const dataProvider = useBackhaulDataProvider();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="contained" size="small" startIcon={<SyncIcon />} onClick={() => setOpen(true)}>
        Run reconciliation now
      </Button>
      {open ? (
        <ActionDialog
          title="Run a reconciliation now?"
          confirmLabel="Run reconciliation"
          onClose={() => setOpen(false)}
          onConfirm={async () => {
            const started = await dataProvider.startNetworkReconciliation();
            redirect('show', 'network-reconciliations', started.id);
            return `Reconciliation #${started.id} started`;
          }}
        >
          <Typography variant="body2" sx={{ mb: 1 }}>
            Backhaul compares FreeRADIUS and every DHCP server with its own records and repairs each difference: logins, addresses and
            speeds, NAS clients, subnets and reservations.
          </Typography>
          <Typography variant="body2">
            Anything changed by hand on those servers is put back as Backhaul holds it. It runs every night as well.
          </Typography>
        </ActionDialog>
      ) : null}
    </>
  );
};
