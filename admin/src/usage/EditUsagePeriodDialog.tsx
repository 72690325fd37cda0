import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { isGbText, octetsToGbText } from './formatOctets';
import { periodDays } from './periodDates';
import type { CurrentPeriodCorrection, UsagePeriod } from './types';
import { useUsageChanged } from './useDataUsage';

type GbField = Exclude<keyof CurrentPeriodCorrection, 'reason'>;

/** The four figures, in (download) before out (upload) as the table reads. */
const FIELDS: { field: GbField; label: string }[] = [
  { field: 'billableDownloadGb', label: 'Billable in (GB)' },
  { field: 'billableUploadGb', label: 'Billable out (GB)' },
  { field: 'freeDownloadGb', label: 'Free in (GB)' },
  { field: 'freeUploadGb', label: 'Free out (GB)' },
];

const startingFigures = (period: UsagePeriod): Record<GbField, string> => ({
  billableDownloadGb: octetsToGbText(period.billable.download),
  billableUploadGb: octetsToGbText(period.billable.upload),
  freeDownloadGb: octetsToGbText(period.free.download),
  freeUploadGb: octetsToGbText(period.free.upload),
});

/** Sets the current period's billable and free usage by hand; the reason goes into the account's history. */
export const EditUsagePeriodDialog = ({ accountId, period, onClose }: { accountId: number; period: UsagePeriod; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useUsageChanged();
  const [figures, setFigures] = useState(() => startingFigures(period));
  const [reason, setReason] = useState('');
  const valid = FIELDS.every(({ field }) => isGbText(figures[field])) && reason.trim() !== '';

  const confirm = async () => {
    await dataProvider.correctCurrentUsagePeriod(accountId, {
      ...Object.fromEntries(FIELDS.map(({ field }) => [field, figures[field].trim()])),
      reason: reason.trim(),
    } as CurrentPeriodCorrection);
    await changed();
    return 'Usage of the current period corrected';
  };

  return (
    <ActionDialog
      title="Edit the current period's usage"
      confirmLabel="Save"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!valid}
      inlineFields={[...FIELDS.map(({ field }) => field), 'reason']}
    >
      {(fieldErrors) => (
        <>
          <Typography variant="body2" color="text.secondary">
            {periodDays(period)}. In decimal GB (1 GB = 1,000,000,000 octets); in is what the subscriber received, out what it sent.
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2, my: 1 }}>
            {FIELDS.map(({ field, label }) => (
              <TextField
                key={field}
                label={label}
                value={figures[field]}
                onChange={(event) => setFigures({ ...figures, [field]: event.target.value })}
                error={!isGbText(figures[field]) || Boolean(fieldErrors[field])}
                helperText={fieldErrors[field] ?? (isGbText(figures[field]) ? undefined : 'A number of GB, e.g. 12.5')}
                margin="dense"
                required
                slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
              />
            ))}
          </Box>
          <TextField
            label="Reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={Boolean(fieldErrors.reason)}
            helperText={fieldErrors.reason ?? 'Kept in the account’s history with the change'}
            required
            fullWidth
            margin="dense"
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 255 } }}
          />
        </>
      )}
    </ActionDialog>
  );
};
