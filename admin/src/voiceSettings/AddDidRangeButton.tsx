import AddIcon from '@mui/icons-material/PlaylistAdd';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Button, useRefresh } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { formatPhoneNumber } from '../voice/voiceFormatting';
import { previewRange } from './didRange';
import { plural } from './voiceWords';

const RangeDialog = ({ onClose }: { onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const refresh = useRefresh();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const preview = previewRange(from, to);
  return (
    <ActionDialog
      title="Add a range of phone numbers"
      confirmLabel={preview && 'count' in preview ? `Add ${plural(preview.count, 'number', 'numbers')}` : 'Add numbers'}
      disabled={!preview || !('count' in preview)}
      inlineFields={['from', 'to', 'note']}
      onClose={onClose}
      onConfirm={async () => {
        const added = await dataProvider.addDidRange({ from: from.trim(), to: to.trim(), note: note.trim() || null });
        refresh();
        const range = `${formatPhoneNumber(added.from)} to ${formatPhoneNumber(added.to)}`;
        if (added.added === 0) return { message: `Every number from ${range} was here already; nothing was added`, type: 'info' };
        return added.skipped > 0
          ? `${plural(added.added, 'number', 'numbers')} added (${range}); ${plural(added.skipped, 'was', 'were')} here already and left as ${added.skipped === 1 ? 'it was' : 'they were'}`
          : `${plural(added.added, 'number', 'numbers')} added (${range})`;
      }}
    >
      {(fieldErrors) => (
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            Every number from the first to the last, both included, is added as available. Numbers written without a country code take the
            instance's.
          </Typography>
          <Stack direction="row" spacing={2}>
            <TextField
              label="First number"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
              placeholder="+1 217 555 0100"
              error={Boolean(fieldErrors.from)}
              helperText={fieldErrors.from}
              fullWidth
              autoFocus
            />
            <TextField
              label="Last number"
              value={to}
              onChange={(event) => setTo(event.target.value)}
              placeholder="+1 217 555 0199"
              error={Boolean(fieldErrors.to)}
              helperText={fieldErrors.to}
              fullWidth
            />
          </Stack>
          <TextField
            label="Note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            error={Boolean(fieldErrors.note)}
            helperText={fieldErrors.note ?? 'Kept on every number added, e.g. the carrier and order'}
            slotProps={{ htmlInput: { maxLength: 255 } }}
            fullWidth
          />
          <Typography
            variant="body2"
            role="status"
            aria-label="Numbers in the range"
            color={preview && 'problem' in preview ? 'error' : 'text.primary'}
          >
            {preview === null
              ? 'Type both ends to see how many numbers the range holds.'
              : 'problem' in preview
                ? preview.problem
                : `${plural(preview.count, 'number', 'numbers')} in the range.`}
          </Typography>
        </Stack>
      )}
    </ActionDialog>
  );
};

/** "Add range": a block of numbers bought from the carrier, added in one go; numbers already here are reported, not changed. */
export const AddDidRangeButton = () => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="Add range" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      {open ? <RangeDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
};
