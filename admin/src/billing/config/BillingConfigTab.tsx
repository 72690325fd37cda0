import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { formatSetting } from '../../billingSettings/formatSetting';
import { type SettingField, settingGroups } from '../../billingSettings/settingFields';
import { useSettingLookups } from '../../billingSettings/useSettingLookups';
import { Permissions, useHasPermission } from '../../permissions';
import { useAccountCurrency } from '../figures/useBillingFigures';
import { ClearOverrideDialog } from './ClearOverrideDialog';
import { OverrideSettingDialog } from './OverrideSettingDialog';
import { SettingSourceChip } from './SettingSourceChip';
import { useAccountBillingConfig } from './useAccountBillingConfig';
import { toApiProblem } from '../../dataProvider';

type Editing = { field: SettingField; mode: 'override' | 'clear' } | null;

/** Every billing setting with its effective value and where it comes from; overrides are set and cleared per setting. */
export const BillingConfigTab = ({ account }: AccountTabProps) => {
  const canManage = useHasPermission(Permissions.BillingManage);
  const currency = useAccountCurrency(account.id);
  const lookups = useSettingLookups(currency);
  const { data: config, error, refetch } = useAccountBillingConfig(account.id);
  const [editing, setEditing] = useState<Editing>(null);

  if (error) return <Alert severity="error">The billing configuration could not load: {toApiProblem(error).message}</Alert>;
  if (!config) return null;

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2">
          Billing configuration
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Settings come from the system, then the account type; a value set here applies to this account only.
        </Typography>
        <Table size="small" aria-label="Billing configuration">
          <TableHead>
            <TableRow>
              <TableCell>Setting</TableCell>
              <TableCell>Effective value</TableCell>
              <TableCell>Source</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {settingGroups.flatMap((group) => [
              <TableRow key={group.title}>
                <TableCell colSpan={4} sx={{ bgcolor: 'action.hover', fontWeight: 600 }}>
                  {group.title}
                </TableCell>
              </TableRow>,
              ...group.fields.map((field) => {
                const source = config.sources[field.key] ?? 'system';
                return (
                  <TableRow key={field.key} aria-label={`Setting ${field.label}`}>
                    <TableCell>{field.label}</TableCell>
                    <TableCell>{formatSetting(field, config.effective[field.key], lookups)}</TableCell>
                    <TableCell>
                      <SettingSourceChip source={source} />
                    </TableCell>
                    <TableCell align="right">
                      {canManage ? (
                        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                          <Button
                            size="small"
                            onClick={() => setEditing({ field, mode: 'override' })}
                            aria-label={`Override ${field.label}`}
                          >
                            Override
                          </Button>
                          {source === 'account' ? (
                            <Button
                              size="small"
                              color="warning"
                              onClick={() => setEditing({ field, mode: 'clear' })}
                              aria-label={`Clear ${field.label}`}
                            >
                              Clear
                            </Button>
                          ) : null}
                        </Stack>
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              }),
            ])}
          </TableBody>
        </Table>
      </CardContent>
      {editing?.mode === 'override' ? (
        <OverrideSettingDialog
          accountId={account.id}
          config={config}
          field={editing.field}
          services={lookups.services}
          statuses={lookups.statuses}
          onSaved={refetch}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.mode === 'clear' ? (
        <ClearOverrideDialog accountId={account.id} field={editing.field} onSaved={refetch} onClose={() => setEditing(null)} />
      ) : null}
    </Card>
  );
};
