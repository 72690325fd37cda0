import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import type { BillingSettings } from '../types';
import { settingGroups } from './settingFields';
import { SettingInput } from './SettingInput';
import { useSettingDrafts } from './useSettingDrafts';
import { useSettingLookups } from './useSettingLookups';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';

/** The system-wide settings every account inherits unless its type or the account overrides them. */
export const SystemBillingSettingsForm = ({
  settings,
  canEdit,
  onSaved,
}: {
  settings: BillingSettings;
  canEdit: boolean;
  onSaved: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const { services, statuses } = useSettingLookups(undefined);
  const { drafts, set, valid, values } = useSettingDrafts(settings);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      await dataProvider.saveSystemBillingSettings(values());
      notify('Billing settings saved', { type: 'success' });
      onSaved();
    } catch (error) {
      notify(toApiProblem(error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack spacing={2}>
      {settingGroups.map((group) => (
        <Card key={group.title} component="section" aria-label={group.title}>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {group.title}
            </Typography>
            <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
              <Grid container spacing={2}>
                {group.fields.map((field) => (
                  <Grid key={field.key} size={{ xs: 12, md: field.type === 'text' || field.type === 'weekdays' ? 12 : 6 }}>
                    <SettingInput
                      field={field}
                      value={drafts[field.key]}
                      onChange={(value) => set(field.key, value)}
                      services={services}
                      statuses={statuses}
                    />
                  </Grid>
                ))}
              </Grid>
            </fieldset>
          </CardContent>
        </Card>
      ))}
      {canEdit ? (
        <div>
          <Button variant="contained" onClick={() => void save()} disabled={!valid || saving}>
            Save billing settings
          </Button>
        </div>
      ) : null}
    </Stack>
  );
};
