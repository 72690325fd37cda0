import EditIcon from '@mui/icons-material/Edit';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type ReactNode, useState } from 'react';
import { Link as RouterLink, Title, useNavigate } from 'react-admin';
import { StatusChip } from '../../accountStatuses';
import { AddCallLogAction } from '../../correspondence/callLogs/AddCallLogAction';
import { Permissions, useHasPermission } from '../../permissions';
import { formatDate } from '../formatting';
import { useAccountContacts } from '../useAccountContacts';
import { useNextBillingDate } from '../useNextBillingDate';
import { ChildAccountsDrawer } from './ChildAccountsDrawer';
import { DisconnectAction } from './DisconnectDialog';
import { useAccountHeader } from './useAccountHeader';
import { errorMessage } from '../../dataProvider';

const Item = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ minWidth: 0 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </Box>
);

/** The top of the account page: who, what state, where, and how it is linked to other accounts. */
export const AccountHeaderPanel = ({ accountId }: { accountId: string }) => {
  const { data: header, error, isPending } = useAccountHeader(accountId);
  const { primary, isPending: contactsPending } = useAccountContacts(accountId);
  const canManage = useHasPermission(Permissions.AccountsManage);
  const nextBillingDate = useNextBillingDate(Number(accountId));
  const [childrenOpen, setChildrenOpen] = useState(false);
  const navigate = useNavigate();

  if (error) return <Alert severity="error">Could not load the account: {errorMessage(error)}</Alert>;
  if (isPending) return <Skeleton variant="rounded" height={120} />;

  // The contacts list is live (it refreshes after contact changes); the header's copy is the first answer.
  const email = contactsPending ? header.primaryContact?.email : primary?.email;
  const editPath = `/accounts/${header.id}`;

  return (
    <Card component="section" aria-label="Account header">
      <Title title={header.name} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Typography variant="h5" component="h1">
            {header.name}
          </Typography>
          {canManage ? (
            <StatusChip
              name={header.status.name}
              color={header.status.color}
              onClick={() => navigate(editPath)}
              aria-label={`Status: ${header.status.name}`}
            />
          ) : (
            <StatusChip name={header.status.name} color={header.status.color} aria-label={`Status: ${header.status.name}`} />
          )}
          {/* The type opens the edit form as the status does: both are changed there. */}
          <Chip
            size="small"
            variant="outlined"
            label={header.type.name}
            aria-label={`Type: ${header.type.name}`}
            onClick={canManage ? () => navigate(editPath) : undefined}
          />
          <Box sx={{ flexGrow: 1 }} />
          {canManage ? (
            <Button component={RouterLink} to={editPath} variant="contained" size="small" startIcon={<EditIcon />}>
              Edit
            </Button>
          ) : null}
          <AddCallLogAction accountId={accountId} />
          <DisconnectAction accountId={accountId} accountName={header.name} />
        </Stack>
        <Box
          sx={{
            mt: 2,
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(6, minmax(0, 1fr))' },
          }}
        >
          <Item label="Account ID">{header.id}</Item>
          <Item label="Groups">{header.groups.length > 0 ? header.groups.map((group) => group.name).join(', ') : '[No Groups]'}</Item>
          <Item label="Location">{header.location?.formatted || '—'}</Item>
          <Item label="Email">
            <span data-testid="header-email">{email || '—'}</span>
          </Item>
          <Item label="Next billing date">
            <span data-testid="header-next-billing-date">{formatDate(nextBillingDate)}</span>
          </Item>
          {header.parent ? (
            <Item label="Parent account">
              <Link component={RouterLink} to={`/accounts/${header.parent.id}/show`}>
                {header.parent.name} (#{header.parent.id})
              </Link>
            </Item>
          ) : (
            <Item label="Child accounts">
              {header.children.count > 0 ? (
                <Link component="button" type="button" variant="body2" onClick={() => setChildrenOpen(true)}>
                  {header.children.count} child account{header.children.count === 1 ? '' : 's'}
                </Link>
              ) : (
                'None'
              )}
            </Item>
          )}
        </Box>
      </CardContent>
      <ChildAccountsDrawer open={childrenOpen} onClose={() => setChildrenOpen(false)} items={header.children.items} />
    </Card>
  );
};
