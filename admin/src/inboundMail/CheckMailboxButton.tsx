import RefreshIcon from '@mui/icons-material/MarkEmailUnread';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { useListWatch } from '../common/useListWatch';
import { errorMessage, useBackhaulDataProvider } from '../dataProvider';

/** "Check mailbox now": the reader reads the mailbox at once instead of after its pause, and the list follows what it files. */
export const CheckMailboxButton = () => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const watch = useListWatch();
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    try {
      await dataProvider.checkInboundMail();
      notify('Checking the helpdesk mailbox now; what it files appears here in a moment.', { type: 'info' });
      watch();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button size="small" startIcon={<RefreshIcon />} onClick={() => void check()} disabled={busy}>
      Check mailbox now
    </Button>
  );
};
