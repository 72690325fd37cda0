import ReplayIcon from '@mui/icons-material/Replay';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useRefresh } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import type { CdrFile } from './types';

/**
 * "Read again": a failed file (or one imported before its cause was put right, a number given late
 * to its subscriber say) is read from its first line. Its rejects are listed afresh; calls it
 * recorded before are counted as duplicates, never billed twice.
 */
export const RerunCdrFileButton = ({ file }: { file: CdrFile }) => {
  const dataProvider = useBackhaulDataProvider();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  // In a list row, clicks in the dialog (a portal) still bubble through React to the row: they stop here.
  return (
    <span onClick={(event) => event.stopPropagation()}>
      <Button size="small" startIcon={<ReplayIcon />} onClick={() => setOpen(true)} aria-label={`Read ${file.name} again`}>
        Read again
      </Button>
      {open ? (
        <ActionDialog
          title={`Read ${file.name} again?`}
          confirmLabel="Read again"
          onClose={() => setOpen(false)}
          onConfirm={async () => {
            await dataProvider.rerunCdrFile(file.id);
            refresh();
            return `${file.name} is being read again`;
          }}
        >
          <Typography variant="body2">
            Every line is read again from the first, with the settings it was uploaded with. Its rejected lines are listed afresh; calls it
            recorded before are counted as duplicates, so none is billed twice.
          </Typography>
        </ActionDialog>
      ) : null}
    </span>
  );
};
