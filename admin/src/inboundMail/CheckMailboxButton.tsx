import RefreshIcon from '@mui/icons-material/MarkEmailUnread';
import Button from '@mui/material/Button';
import { useEffect, useState } from 'react';
import { useListContext, useNotify } from 'react-admin';
import { errorMessage, useBackhaulDataProvider } from '../dataProvider';

/** How long, and how often, the list looks again after a check: the reader files what it finds within seconds. */
const WATCH_MS = 20_000;
const EVERY_MS = 2_000;

/** "Check mailbox now": the reader reads the mailbox at once instead of after its pause, and the list follows what it files. */
export const CheckMailboxButton = () => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const { refetch } = useListContext();
  const [busy, setBusy] = useState(false);
  const [watchUntil, setWatchUntil] = useState<number | null>(null);

  useEffect(() => {
    if (watchUntil === null) return undefined;
    const timer = setInterval(() => {
      if (Date.now() > watchUntil) setWatchUntil(null);
      else void refetch();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [watchUntil, refetch]);

  const check = async () => {
    setBusy(true);
    try {
      await dataProvider.checkInboundMail();
      notify('Checking the helpdesk mailbox now; what it files appears here in a moment.', { type: 'info' });
      setWatchUntil(Date.now() + WATCH_MS);
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
