import FolderIcon from '@mui/icons-material/DriveFolderUpload';
import { useEffect, useState } from 'react';
import { Button, useListContext, useNotify } from 'react-admin';
import { errorMessage, useBackhaulDataProvider } from '../dataProvider';

/** How long, and how often, the list looks again after a scan: the watcher picks up what it finds within seconds. */
const WATCH_MS = 20_000;
const EVERY_MS = 2_000;

/** "Check folder now": the watcher looks in the switch's drop folder at once instead of on its schedule, and the list follows. */
export const CheckFolderButton = () => {
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
      const { folder } = await dataProvider.scanCdrFolder();
      notify(`Looking in ${folder} now; the files found there appear here in a moment.`, { type: 'info' });
      setWatchUntil(Date.now() + WATCH_MS);
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="Check folder now" onClick={() => void check()} disabled={busy}>
      <FolderIcon />
    </Button>
  );
};
