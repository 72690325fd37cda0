import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { Form, Loading, SaveButton, useCreate, useGetList, useUpdate } from 'react-admin';
import type { Contact, MessageCategory } from '../../types';
import { useAccountChanged } from '../useAccountChanged';
import { type ContactFormValues, toContactCreate, toContactFormValues, toContactUpdate } from './contactPayload';
import { ContactInputs } from './ContactInputs';
import { toSubmissionErrors } from '../../dataProvider';

interface ContactDialogProps {
  accountId: number;
  /** Absent to create one. */
  contact?: Contact;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** Create or edit a contact. A new contact starts with the default message categories, which can be removed. */
export const ContactDialog = ({ accountId, contact, open, onClose, onSaved }: ContactDialogProps) => {
  const [create] = useCreate<Contact>();
  const [update] = useUpdate<Contact>();
  const accountChanged = useAccountChanged();
  const { data: categories, isPending } = useGetList<MessageCategory>('message-categories', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });

  const submit = async (values: ContactFormValues) => {
    try {
      if (contact) {
        await update(
          'contacts',
          { id: contact.id, data: toContactUpdate(values), previousData: contact },
          { returnPromise: true, mutationMode: 'pessimistic' },
        );
      } else {
        await create('contacts', { data: toContactCreate(accountId, values) }, { returnPromise: true });
      }
      onSaved();
      void accountChanged();
      onClose();
      return undefined;
    } catch (error) {
      return toSubmissionErrors(error);
    }
  };

  const defaults: ContactFormValues = contact
    ? toContactFormValues(contact)
    : {
        name: '',
        phones: [],
        messageCategoryIds: (categories ?? []).filter((category) => category.isDefault).map((category) => category.id),
      };
  const title = contact ? `Edit contact ${contact.name}` : 'Add contact';

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="contact-dialog-title">
      <DialogTitle id="contact-dialog-title">{title}</DialogTitle>
      {isPending && !contact ? (
        <Loading />
      ) : (
        // `record` (not defaultValues): the page's account record must not leak into the form.
        <Form onSubmit={submit} record={defaults}>
          <DialogContent>
            <ContactInputs isCreate={!contact} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <SaveButton label="Save contact" alwaysEnable />
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
};
