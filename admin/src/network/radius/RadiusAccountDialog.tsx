import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../../dataProvider';
import type { RadiusAccount, RadiusAccountChange } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';
import { PASSWORD_MIN_LENGTH, passwordProblem, usernameProblem } from './password';
import { PasswordField } from './PasswordField';

interface RadiusAccountDialogProps {
  accountId: number;
  /** Absent: add a new one. */
  radiusAccount?: RadiusAccount;
  onClose: () => void;
}

/**
 * Add a RADIUS account (a PPPoE or hotspot login), or give one a new username, a new password or
 * both. The password is never shown back: a new one replaces it.
 */
export const RadiusAccountDialog = ({ accountId, radiusAccount, onClose }: RadiusAccountDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const [username, setUsername] = useState(radiusAccount?.username ?? '');
  const [password, setPassword] = useState('');
  const name = username.trim();
  const nameProblem = name ? usernameProblem(name) : null;
  const secretProblem = password ? passwordProblem(password) : null;
  const change: RadiusAccountChange = {
    ...(name !== radiusAccount?.username ? { username: name } : {}),
    ...(password ? { password } : {}),
  };

  const confirm = async () => {
    if (radiusAccount) {
      const saved = await dataProvider.updateRadiusAccount(radiusAccount.id, change);
      await changed();
      return `RADIUS account ${saved.username} saved`;
    }
    const created = await dataProvider.createRadiusAccount(accountId, { username: name, password });
    await changed();
    return `RADIUS account ${created.username} added`;
  };

  const invalid = !name || nameProblem !== null || secretProblem !== null;
  return (
    <ActionDialog
      title={radiusAccount ? `Edit RADIUS account ${radiusAccount.username}` : 'Add RADIUS account'}
      confirmLabel={radiusAccount ? 'Save changes' : 'Add RADIUS account'}
      onConfirm={confirm}
      onClose={onClose}
      disabled={invalid || (radiusAccount ? Object.keys(change).length === 0 : !password)}
      inlineFields={['username', 'password']}
    >
      {(errors) => (
        <>
          {radiusAccount ? (
            <Alert severity="info" sx={{ mb: 1 }}>
              The current password cannot be shown. A new one replaces it at once: the subscriber’s router needs it too.
            </Alert>
          ) : null}
          <TextField
            fullWidth
            autoFocus
            margin="normal"
            label="Username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            autoComplete="off"
            required
            slotProps={{ htmlInput: { maxLength: 64, spellCheck: false } }}
            error={Boolean(errors.username ?? nameProblem)}
            helperText={errors.username ?? nameProblem ?? 'The login the subscriber’s router or device uses'}
          />
          <PasswordField
            label={radiusAccount ? 'New password' : 'Password'}
            value={password}
            onChange={setPassword}
            required={!radiusAccount}
            error={errors.password ?? secretProblem}
            helperText={
              radiusAccount
                ? 'Leave empty to keep the current password'
                : `At least ${PASSWORD_MIN_LENGTH} characters; Generate makes one for you`
            }
          />
        </>
      )}
    </ActionDialog>
  );
};
