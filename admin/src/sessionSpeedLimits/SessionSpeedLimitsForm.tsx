import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Confirm, Form, maxValue, minValue, NumberInput, required, SaveButton, useNotify } from 'react-admin';
import type { components } from '../api/schema';
import { formatDateTime } from '../accounts/formatting';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';
import { FASTEST_KBPS, profileText, speedInWords } from './speedText';

type Settings = components['schemas']['SessionEnforcementSettingsDto'];
type Speeds = components['schemas']['UpdateSessionEnforcementSettingsDto'];
type SpeedField = keyof Speeds;

const FIELDS: SpeedField[] = ['delinquentDownloadKbps', 'delinquentUploadKbps'];
const isSpeedField = (field: string): field is SpeedField => (FIELDS as string[]).includes(field);

/** Whole numbers are the API's to judge, so its answer shows under the field as it does for the range. */
const validateSpeed = [required(), minValue(1), maxValue(FASTEST_KBPS)];

/** A speed in kbit/s, with the same speed in Mbit/s (or Gbit/s) underneath as it is typed. */
const SpeedInput = ({ source, label, readOnly }: { source: SpeedField; label: string; readOnly: boolean }) => {
  const value = useWatch<Speeds, SpeedField>({ name: source });
  const valid = typeof value === 'number' && Number.isFinite(value) && value > 0;
  return (
    <NumberInput
      source={source}
      label={label}
      step={1}
      min={1}
      readOnly={readOnly}
      // Shown, not asked for, when read-only: no required mark.
      validate={readOnly ? undefined : validateSpeed}
      helperText={valid ? speedInWords(value) : 'In kbit/s: 1,000 kbit/s = 1 Mbit/s'}
    />
  );
};

/**
 * Asks before saving, since the accounts limited now are changed at once. Inside the form, so the
 * API's field errors land under the fields they name.
 */
const ConfirmSave = ({
  settings,
  speeds,
  onClose,
  onSaved,
}: {
  settings: Settings;
  speeds: Speeds;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const { setError } = useFormContext<Speeds>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      const saved = await dataProvider.saveSessionEnforcementSettings(speeds);
      const now = profileText(saved.delinquentDownloadKbps, saved.delinquentUploadKbps);
      notify(`Delinquent speed saved: accounts limited now run at ${now}`, { type: 'success' });
      onClose();
      onSaved();
    } catch (error) {
      const problem = toApiProblem(error);
      for (const [field, message] of Object.entries(problem.fields)) {
        if (isSpeedField(field)) setError(field, { type: 'server', message });
      }
      notify(problem.message, { type: 'error' });
      setSaving(false);
      onClose();
    }
  };

  return (
    <Confirm
      isOpen
      loading={saving}
      title="Change the delinquent speed?"
      content={
        <>
          <Typography sx={{ mb: 1 }}>
            From {profileText(settings.delinquentDownloadKbps, settings.delinquentUploadKbps)} to{' '}
            <strong>{profileText(speeds.delinquentDownloadKbps, speeds.delinquentUploadKbps)}</strong>.
          </Typography>
          <Typography>
            Every account limited for delinquency gets the new speed at once: the sessions it has open are changed on their NAS, and its
            next logins get it too.
          </Typography>
        </>
      }
      confirm="Save and apply now"
      onConfirm={() => void save()}
      onClose={onClose}
    />
  );
};

/** The two speeds of the delinquent profile; without network.configure they are shown, not changed. */
export const SessionSpeedLimitsForm = ({ settings, canEdit, onSaved }: { settings: Settings; canEdit: boolean; onSaved: () => void }) => {
  const [pending, setPending] = useState<Speeds | null>(null);
  const record = { delinquentDownloadKbps: settings.delinquentDownloadKbps, delinquentUploadKbps: settings.delinquentUploadKbps };

  return (
    <Card component="section" aria-label="Delinquent accounts">
      <CardContent>
        <Typography variant="h6" component="h2">
          Delinquent accounts
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="speeds-changed-at" sx={{ mb: 2 }}>
          Last changed {formatDateTime(settings.updatedAt)}
        </Typography>
        {/* The browser's own checks are off, so every message, ours or the API's, shows under its field. */}
        <Form
          noValidate
          record={record}
          onSubmit={(values: Partial<Speeds>) =>
            setPending({
              delinquentDownloadKbps: Number(values.delinquentDownloadKbps),
              delinquentUploadKbps: Number(values.delinquentUploadKbps),
            })
          }
        >
          <Grid container columnSpacing={2}>
            <Grid size={{ xs: 12, sm: 6 }}>
              <SpeedInput source="delinquentDownloadKbps" label="Download speed (kbit/s)" readOnly={!canEdit} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <SpeedInput source="delinquentUploadKbps" label="Upload speed (kbit/s)" readOnly={!canEdit} />
            </Grid>
          </Grid>
          {canEdit ? (
            <Stack direction="row" sx={{ mt: 1 }}>
              <SaveButton label="Save speeds" />
            </Stack>
          ) : (
            <Alert severity="info" variant="outlined" sx={{ mt: 1 }}>
              You can see these speeds; changing them needs a role that may configure the network.
            </Alert>
          )}
          {pending ? <ConfirmSave settings={settings} speeds={pending} onClose={() => setPending(null)} onSaved={onSaved} /> : null}
        </Form>
      </CardContent>
    </Card>
  );
};
