import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useRefresh } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';

/** Starts the autopay run of a date after the clerk confirms; a date already run is reported, never charged again. */
export const StartAutopayRunButton = () => {
  const dataProvider = useBackhaulDataProvider();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const refresh = useRefresh();
  return (
    <>
      <Button variant="contained" size="small" onClick={() => setOpen(true)}>
        Start autopay run
      </Button>
      {open ? (
        <ActionDialog
          title="Start an autopay run"
          confirmLabel={`Charge autopay for ${date || 'the date'}`}
          disabled={!date}
          onClose={() => setOpen(false)}
          onConfirm={async () => {
            const res = await dataProvider.startAutopayRun(date);
            refresh();
            return res.started
              ? `Autopay run for ${date} started`
              : `The autopay run for ${date} was already started; nothing was charged again`;
          }}
        >
          <Typography variant="body2">
            Every account whose autopay day has come is charged its balance due on its autopay card or bank account. A date runs once.
          </Typography>
          <TextField
            type="date"
            label="Autopay date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ mt: 2 }}
            fullWidth
          />
        </ActionDialog>
      ) : null}
    </>
  );
};
