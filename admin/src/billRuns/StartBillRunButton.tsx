import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';

/** Starts the bill run of a date after the clerk confirms it; a date already run is reported, not run again. */
export const StartBillRunButton = () => {
  const dataProvider = useBackhaulDataProvider();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const start = async () => {
    setBusy(true);
    try {
      const res = await dataProvider.startBillRun(date);
      notify(res.started ? `Bill run for ${date} started` : `The bill run for ${date} was already started; nothing new was started`, {
        type: res.started ? 'success' : 'info',
      });
      setOpen(false);
      refresh();
    } catch (err) {
      notify(toApiProblem(err).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="contained" size="small" onClick={() => setOpen(true)}>
        Start bill run
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="start-bill-run-title">
        <DialogTitle id="start-bill-run-title">Start a bill run</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Every account whose service period starts on this date gets its invoice. A date can be billed once; starting it again does
            nothing.
          </DialogContentText>
          <TextField
            type="date"
            label="Billing date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ mt: 2 }}
            fullWidth
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="contained" disabled={!date || busy} onClick={start}>
            Bill {date || 'the date'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
