import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { Confirm, Form, PasswordInput, SaveButton, TextInput, maxLength, minLength, required, useNotify } from 'react-admin';
import { errorMessage, toSubmissionErrors, useBackhaulDataProvider } from '../../dataProvider';
import type { Contact } from '../../types';
import { useAccountChanged } from '../useAccountChanged';

interface PortalCredentialsDialogProps {
  contact: Contact;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** Sets or replaces the customer-portal login. The password is never shown back, only replaced. */
export const PortalCredentialsDialog = ({ contact, open, onClose, onSaved }: PortalCredentialsDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const accountChanged = useAccountChanged();
  const [confirmingRemove, setConfirmingRemove] = useState(false);

  const submit = async (values: { username?: string; password?: string }) => {
    try {
      await dataProvider.setPortalCredentials(contact.id, { username: values.username?.trim() ?? '', password: values.password ?? '' });
      notify('Portal credentials set', { type: 'success' });
      onSaved();
      void accountChanged();
      onClose();
      return undefined;
    } catch (error) {
      return toSubmissionErrors(error);
    }
  };

  const remove = async () => {
    try {
      await dataProvider.removePortalCredentials(contact.id);
      notify('Portal credentials removed', { type: 'success' });
      setConfirmingRemove(false);
      onSaved();
      void accountChanged();
      onClose();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="portal-dialog-title">
      <Form onSubmit={submit} record={{ username: contact.portalUsername ?? '', password: '' }}>
        <DialogTitle id="portal-dialog-title">Portal credentials for {contact.name}</DialogTitle>
        <DialogContent>
          {contact.hasPortalPassword ? (
            <Alert severity="warning" sx={{ mb: 2 }}>
              A password is already set. Setting a new one replaces it; the old one cannot be recovered.
            </Alert>
          ) : null}
          <TextInput source="username" label="Portal username" autoComplete="off" validate={[required(), maxLength(120)]} />
          <PasswordInput source="password" label="Portal password" autoComplete="new-password" validate={[required(), minLength(8)]} />
        </DialogContent>
        <DialogActions>
          {contact.portalUsername ? (
            <Button color="error" onClick={() => setConfirmingRemove(true)} sx={{ mr: 'auto' }}>
              Remove credentials
            </Button>
          ) : null}
          <Button onClick={onClose}>Cancel</Button>
          <SaveButton label="Set credentials" alwaysEnable icon={<></>} />
        </DialogActions>
      </Form>
      <Confirm
        isOpen={confirmingRemove}
        title="Remove portal access?"
        content={`${contact.name} will no longer be able to log in to the customer portal.`}
        confirm="Remove"
        onConfirm={remove}
        onClose={() => setConfirmingRemove(false)}
      />
    </Dialog>
  );
};
