import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import type { NightlyStep } from './types';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';

const steps: Record<NightlyStep, { button: string; title: string; explain: string; done: string }> = {
  nightly: {
    button: 'Run the night',
    title: 'Run the nightly process',
    explain:
      'Runs any missed nights since the last completed one first, then the bill run of this date, delinquency and the automatic period close. A date runs once; starting it again does nothing.',
    done: 'The night',
  },
  delinquency: {
    button: 'Run delinquency',
    title: 'Run delinquency',
    explain:
      'Marks the invoices past their grace days delinquent, charges their late fees and switches account statuses, as of this date. A date runs once; starting it again does nothing.',
    done: 'Delinquency',
  },
};

/** Starts one nightly process for the chosen date once the clerk confirms it. */
export const RunNightlyStepButton = ({ step, date }: { step: NightlyStep; date: string }) => {
  const dataProvider = useBackhaulDataProvider();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const { button, title, explain, done } = steps[step];
  const start = async () => {
    setBusy(true);
    try {
      const res = await dataProvider.startNightlyStep(step, date);
      notify(
        res.started ? `${done} of ${date} started (${res.workflowId})` : `${done} of ${date} was already started; nothing new was started`,
        {
          type: res.started ? 'success' : 'info',
        },
      );
      setOpen(false);
      refresh();
    } catch (err) {
      notify(toApiProblem(err).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const titleId = `run-${step}-title`;
  return (
    <>
      <Button variant="outlined" size="small" disabled={!date} onClick={() => setOpen(true)}>
        {button}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId}>
        <DialogTitle id={titleId}>
          {title} for {date}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{explain}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="contained" disabled={busy} onClick={start}>
            Run for {date}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
