import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { errorMessage, useBackhaulDataProvider } from '../../dataProvider';
import type { Contact } from '../../types';
import { useAccountChanged } from '../useAccountChanged';

interface DeleteContactDialogProps {
  contact: Contact;
  others: Contact[];
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/** Confirms the delete; deleting the primary contact first asks who becomes primary. */
export const DeleteContactDialog = ({ contact, others, open, onClose, onDeleted }: DeleteContactDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const accountChanged = useAccountChanged();
  const needsSuccessor = contact.isPrimary && others.length > 0;
  const [successorId, setSuccessorId] = useState<number | null>(needsSuccessor ? others[0].id : null);
  const [deleting, setDeleting] = useState(false);

  const confirm = async () => {
    setDeleting(true);
    try {
      await dataProvider.deleteContact(contact.id, needsSuccessor ? (successorId ?? undefined) : undefined);
      notify(`Deleted ${contact.name}`, { type: 'success' });
      onDeleted();
      void accountChanged();
      onClose();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="delete-contact-title">
      <DialogTitle id="delete-contact-title">Delete {contact.name}?</DialogTitle>
      <DialogContent>
        <DialogContentText>The contact and their portal access are removed. This cannot be undone.</DialogContentText>
        {needsSuccessor ? (
          <>
            <DialogContentText sx={{ mt: 2 }}>This is the primary contact. Who becomes primary instead?</DialogContentText>
            <RadioGroup
              aria-label="New primary contact"
              value={successorId === null ? '' : String(successorId)}
              onChange={(event) => setSuccessorId(Number(event.target.value))}
            >
              {others.map((other) => (
                <FormControlLabel
                  key={other.id}
                  value={String(other.id)}
                  control={<Radio />}
                  label={`${other.name}${other.email ? ` (${other.email})` : ''}`}
                />
              ))}
            </RadioGroup>
          </>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button color="error" variant="contained" onClick={confirm} disabled={deleting || (needsSuccessor && successorId === null)}>
          Delete contact
        </Button>
      </DialogActions>
    </Dialog>
  );
};
