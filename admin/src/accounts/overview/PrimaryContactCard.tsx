import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link } from 'react-admin';
import { Permissions, useHasPermission } from '../../permissions';
import { accountTabPath } from '../accountTabPath';
import { ContactDialog } from '../contacts/ContactDialog';
import { useAccountContacts } from '../useAccountContacts';
import { SectionCard } from './SectionCard';

export const PrimaryContactCard = ({ accountId }: { accountId: number }) => {
  const canManage = useHasPermission(Permissions.AccountsManage);
  const { primary, isPending, refetch } = useAccountContacts(accountId);
  const [editing, setEditing] = useState(false);
  const mobile = primary?.phones.find((phone) => phone.type === 'mobile');

  return (
    <SectionCard
      title="Primary contact"
      action={
        primary && canManage ? (
          <Button size="small" onClick={() => setEditing(true)} aria-label="Edit primary contact">
            Edit
          </Button>
        ) : null
      }
    >
      {!isPending && !primary ? (
        <Typography variant="body2" color="text.secondary">
          No contacts yet. <Link to={accountTabPath(accountId, 'contacts')}>Add one on the Contacts tab.</Link>
        </Typography>
      ) : null}
      {primary ? (
        <Stack spacing={0.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="subtitle1" component="p">
              {primary.name}
            </Typography>
            <Chip size="small" color="primary" label="Primary" />
          </Stack>
          {primary.role ? (
            <Typography variant="body2" color="text.secondary">
              {primary.role}
            </Typography>
          ) : null}
          <Typography variant="body2">{primary.email ?? 'No email'}</Typography>
          <Typography variant="body2">{mobile ? `Mobile ${mobile.number}` : 'No mobile number'}</Typography>
        </Stack>
      ) : null}
      {editing && primary ? (
        <ContactDialog accountId={accountId} contact={primary} open onClose={() => setEditing(false)} onSaved={() => void refetch()} />
      ) : null}
    </SectionCard>
  );
};
