import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
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
import { formatDate } from '../../accounts/formatting';
import { type RowAction, RowActionsMenu } from '../../common';
import { errorMessage } from '../../dataProvider';
import { Permissions, useHasPermission } from '../../permissions';
import { AssignIpDialog } from '../assignments/AssignIpDialog';
import type { RadiusAccount } from '../types';
import { DeleteRadiusAccountDialog } from './DeleteRadiusAccountDialog';
import { RadiusAccountDialog } from './RadiusAccountDialog';
import { useRadiusAccounts } from './useRadiusAccounts';

type RadiusAccountAction = 'edit' | 'assign' | 'delete';

const ROW_ACTIONS: RowAction<RadiusAccountAction>[] = [
  { action: 'edit', label: 'Edit' },
  { action: 'assign', label: 'Add IP assignment' },
  { action: 'delete', label: 'Delete', destructive: true },
];

type DialogState = { action: RadiusAccountAction | 'add'; radiusAccount?: RadiusAccount } | null;

/** Network & Inventory › RADIUS Accounts: the account's PPPoE and hotspot logins, the addresses they get and their speed. */
export const RadiusAccountsTab = ({ account }: AccountTabProps) => {
  const canManage = useHasPermission(Permissions.NetworkManage);
  const { data: found, isPending, error } = useRadiusAccounts(account.id);
  const data = found?.rows ?? [];
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = () => setDialog(null);

  return (
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            RADIUS accounts
          </Typography>
          {canManage ? (
            <Button size="small" variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ action: 'add' })}>
              Add RADIUS account
            </Button>
          ) : null}
        </Stack>
        {error ? <Alert severity="error">The RADIUS accounts could not load: {errorMessage(error)}</Alert> : null}
        {!isPending && !error && data.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            This account has no RADIUS accounts.
          </Typography>
        ) : null}
        {data.length > 0 ? (
          <Table size="small" aria-label="RADIUS accounts">
            <TableHead>
              <TableRow>
                <TableCell>Username</TableCell>
                <TableCell>Addresses</TableCell>
                <TableCell>Speed (down/up)</TableCell>
                <TableCell>Created</TableCell>
                {canManage ? <TableCell align="right">Actions</TableCell> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((radius) => (
                <TableRow key={radius.id} aria-label={`RADIUS account ${radius.username}`}>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{radius.username}</TableCell>
                  <TableCell>
                    {radius.ipAddresses.length > 0 ? (
                      radius.ipAddresses.map((address) => (
                        <Box key={address} sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                          {address}
                        </Box>
                      ))
                    ) : (
                      <Typography variant="body2" color="text.secondary" component="span">
                        None
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {radius.speed ?? (
                      <Typography variant="body2" color="text.secondary" component="span">
                        No data service
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{formatDate(radius.createdAt)}</TableCell>
                  {canManage ? (
                    <TableCell align="right">
                      <RowActionsMenu
                        label={`Actions for ${radius.username}`}
                        items={ROW_ACTIONS}
                        onAction={(action) => setDialog({ action, radiusAccount: radius })}
                      />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        {found && found.total > data.length ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            The first {data.length} of {found.total} RADIUS accounts, by username.
          </Typography>
        ) : null}
      </CardContent>
      {dialog?.action === 'add' ? <RadiusAccountDialog accountId={account.id} onClose={close} /> : null}
      {dialog?.action === 'edit' && dialog.radiusAccount ? (
        <RadiusAccountDialog accountId={account.id} radiusAccount={dialog.radiusAccount} onClose={close} />
      ) : null}
      {dialog?.action === 'assign' && dialog.radiusAccount ? (
        <AssignIpDialog
          account={account}
          assignee={{ assignee: 'radius_account', radiusAccountId: dialog.radiusAccount.id }}
          onClose={close}
        />
      ) : null}
      {dialog?.action === 'delete' && dialog.radiusAccount ? (
        <DeleteRadiusAccountDialog radiusAccount={dialog.radiusAccount} onClose={close} />
      ) : null}
    </Card>
  );
};
