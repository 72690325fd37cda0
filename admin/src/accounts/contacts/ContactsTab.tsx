import AddIcon from '@mui/icons-material/PersonAdd';
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
import { useNotify } from 'react-admin';
import { errorMessage, useBackhaulDataProvider } from '../../dataProvider';
import { Permissions, useHasPermission } from '../../permissions';
import type { Contact } from '../../types';
import type { AccountTabProps } from '../accountTabs';
import { useAccountChanged } from '../useAccountChanged';
import { useAccountContacts } from '../useAccountContacts';
import { ContactDialog } from './ContactDialog';
import { ContactDrawer } from './ContactDrawer';
import { type ContactAction, ContactRow } from './ContactRow';
import { DeleteContactDialog } from './DeleteContactDialog';
import { PortalCredentialsDialog } from './PortalCredentialsDialog';

type OpenDialog = { action: Exclude<ContactAction, 'primary'>; contact: Contact } | { action: 'create' } | null;

export const ContactsTab = ({ account }: AccountTabProps) => {
  const dataProvider = useBackhaulDataProvider();
  const canManage = useHasPermission(Permissions.AccountsManage);
  const notify = useNotify();
  const accountChanged = useAccountChanged();
  const { contacts, isPending, refetch } = useAccountContacts(account.id);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);
  const close = () => setDialog(null);
  const saved = () => void refetch();

  const onAction = async (action: ContactAction, contact: Contact) => {
    if (action !== 'primary') {
      setDialog({ action, contact });
      return;
    }
    setBusy(true);
    try {
      await dataProvider.makeContactPrimary(contact.id);
      await refetch();
      void accountChanged();
      notify(`${contact.name} is now the primary contact`, { type: 'success' });
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h6" component="h2">
            Contacts
          </Typography>
          {canManage ? (
            <Button variant="contained" size="small" startIcon={<AddIcon />} onClick={() => setDialog({ action: 'create' })}>
              Add contact
            </Button>
          ) : null}
        </Stack>
        {!isPending && contacts.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No contacts yet. The first contact added becomes the primary contact.
          </Typography>
        ) : (
          <Table size="small" aria-label="Contacts">
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" />
                <TableCell>Name</TableCell>
                <TableCell>Role</TableCell>
                <TableCell>Email</TableCell>
                <TableCell>Language</TableCell>
                <TableCell>Portal username</TableCell>
                <TableCell align="right" aria-label="Actions" />
              </TableRow>
            </TableHead>
            <TableBody>
              {contacts.map((contact) => (
                <ContactRow key={contact.id} contact={contact} canManage={canManage} busy={busy} onAction={onAction} />
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      {dialog?.action === 'create' ? <ContactDialog accountId={account.id} open onClose={close} onSaved={saved} /> : null}
      <ContactDrawer contact={dialog?.action === 'view' ? dialog.contact : null} onClose={close} />
      {dialog?.action === 'edit' ? (
        <ContactDialog accountId={account.id} contact={dialog.contact} open onClose={close} onSaved={saved} />
      ) : null}
      {dialog?.action === 'portal' ? <PortalCredentialsDialog contact={dialog.contact} open onClose={close} onSaved={saved} /> : null}
      {dialog?.action === 'delete' ? (
        <DeleteContactDialog
          contact={dialog.contact}
          others={contacts.filter((other) => other.id !== dialog.contact.id)}
          open
          onClose={close}
          onDeleted={saved}
        />
      ) : null}
    </Card>
  );
};
