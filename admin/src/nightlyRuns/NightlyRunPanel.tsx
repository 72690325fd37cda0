import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';
import { DelinquencyPreviewTables } from './DelinquencyPreviewTables';
import { RunNightlyStepButton } from './RunNightlyStepButton';
import type { DelinquencyPreview } from './types';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';

/** Pick a date, preview what delinquency would do on it, and run the night or delinquency for it. */
export const NightlyRunPanel = () => {
  const dataProvider = useBackhaulDataProvider();
  const [date, setDate] = useState('');
  const [preview, setPreview] = useState<DelinquencyPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const canRun = useHasPermission(Permissions.NightlyRun);
  const showPreview = async () => {
    setBusy(true);
    try {
      setPreview(await dataProvider.previewDelinquency(date));
    } catch (err) {
      notify(toApiProblem(err).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          The nightly process runs by itself at a quarter past midnight. After an outage, run a missed date here; a date already run is not
          run again.
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mt: 2 }}>
          <TextField
            type="date"
            label="Date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              setPreview(null);
            }}
            slotProps={{ inputLabel: { shrink: true } }}
            size="small"
          />
          <Button variant="contained" size="small" disabled={!date || busy} onClick={showPreview}>
            Preview delinquency
          </Button>
          {canRun ? (
            <>
              <RunNightlyStepButton step="delinquency" date={date} />
              <RunNightlyStepButton step="nightly" date={date} />
            </>
          ) : null}
        </Box>
        {preview ? <DelinquencyPreviewTables preview={preview} /> : null}
      </CardContent>
    </Card>
  );
};
