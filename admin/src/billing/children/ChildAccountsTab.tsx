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
import { Link } from 'react-admin';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { Permissions, useHasPermission } from '../../permissions';
import type { ChildAccount } from '../../types';
import { Money } from '../common/Money';
import { useAccountCurrency } from '../figures/useBillingFigures';
import { LinkChildAccountDialog } from './LinkChildAccountDialog';
import { UnlinkChildAccountDialog } from './UnlinkChildAccountDialog';
import { useChildAccounts } from './useChildAccounts';

/** Accounts whose recurring invoices this account pays. */
export const ChildAccountsTab = ({ account }: AccountTabProps) => {
  const canLink = useHasPermission(Permissions.BillingChildAccounts);
  const currency = useAccountCurrency(account.id);
  const { data = [], isPending } = useChildAccounts(account.id);
  const [linking, setLinking] = useState(false);
  const [unlinking, setUnlinking] = useState<ChildAccount | null>(null);

  return (
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h6" component="h2">
            Child accounts
          </Typography>
          {canLink ? (
            <Button size="small" variant="contained" onClick={() => setLinking(true)}>
              Link account
            </Button>
          ) : null}
        </Stack>
        {!isPending && data.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            This account has no child accounts.
          </Typography>
        ) : (
          <Table size="small" aria-label="Child accounts">
            <TableHead>
              <TableRow>
                <TableCell>ID</TableCell>
                <TableCell>Name</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Linked remaining</TableCell>
                <TableCell align="right">Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((child) => (
                <TableRow key={child.id}>
                  <TableCell>{child.id}</TableCell>
                  <TableCell>
                    <Link to={`/accounts/${child.id}/show`}>{child.name}</Link>
                  </TableCell>
                  <TableCell>{child.status}</TableCell>
                  <TableCell align="right">
                    <Money amount={child.linkedRemaining} currency={currency} />
                  </TableCell>
                  <TableCell align="right">
                    {canLink ? (
                      <Button size="small" color="warning" onClick={() => setUnlinking(child)} aria-label={`Unlink ${child.name}`}>
                        Unlink
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      {linking ? <LinkChildAccountDialog accountId={account.id} onClose={() => setLinking(false)} /> : null}
      {unlinking ? <UnlinkChildAccountDialog accountId={account.id} child={unlinking} onClose={() => setUnlinking(null)} /> : null}
    </Card>
  );
};
