import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import type { AccountingPeriod } from '../types';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';

/** Closing each month by itself a number of days after it ends. */
export const AutoCloseForm = ({ period, onSaved }: { period: AccountingPeriod; onSaved: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const [autoClose, setAutoClose] = useState(period.autoClose);
  const [days, setDays] = useState(String(period.autoCloseAfterDays));
  const validDays = /^\d{1,3}$/.test(days.trim());

  const save = async () => {
    try {
      // The close date is sent as it is, so this form never moves it.
      await dataProvider.saveAccountingPeriod({ ...period, autoClose, autoCloseAfterDays: Number(days) });
      notify('Automatic close saved', { type: 'success' });
      onSaved();
    } catch (error) {
      notify(toApiProblem(error).message, { type: 'error' });
    }
  };

  return (
    <Card component="section" aria-label="Automatic close">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          Automatic close
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <FormControlLabel
            control={<Switch checked={autoClose} onChange={(event) => setAutoClose(event.target.checked)} />}
            label="Close each month automatically"
          />
          <TextField
            label="Days after the month ends"
            value={days}
            onChange={(event) => setDays(event.target.value)}
            error={!validDays}
            disabled={!autoClose}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
          <Button variant="outlined" onClick={() => void save()} disabled={!validDays}>
            Save
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
};
