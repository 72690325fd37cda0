import FolderIcon from '@mui/icons-material/DriveFolderUpload';
import { useState } from 'react';
import { Button, useNotify } from 'react-admin';
import { useListWatch } from '../common/useListWatch';
import { errorMessage, useBackhaulDataProvider } from '../dataProvider';

/** "Check folder now": the watcher looks in the switch's drop folder at once instead of on its schedule, and the list follows. */
export const CheckFolderButton = () => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const watch = useListWatch();
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    try {
      const { folder } = await dataProvider.scanCdrFolder();
      notify(`Looking in ${folder} now; the files found there appear here in a moment.`, { type: 'info' });
      watch();
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
