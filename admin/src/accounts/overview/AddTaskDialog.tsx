import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { AutocompleteInput, DateInput, Form, ReferenceInput, SaveButton, TextInput, maxLength, required, useCreate } from 'react-admin';
import { searchByName } from '../../common';
import { Permissions, useHasPermission } from '../../permissions';
import type { AccountTask } from '../../types';
import { toSubmissionErrors } from '../../dataProvider';

interface AddTaskDialogProps {
  accountId: number;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}

interface TaskFormValues {
  title?: string;
  description?: string | null;
  assignedUserId?: number | null;
  dueDate?: string | null;
}

export const AddTaskDialog = ({ accountId, open, onClose, onAdded }: AddTaskDialogProps) => {
  const canReadUsers = useHasPermission(Permissions.UsersRead);
  const [create] = useCreate<AccountTask>();

  const submit = async (values: TaskFormValues) => {
    try {
      await create(
        'account-tasks',
        {
          data: {
            accountId,
            title: values.title?.trim(),
            description: values.description?.trim() || undefined,
            assignedUserId: values.assignedUserId ?? undefined,
            dueDate: values.dueDate || undefined,
          },
        },
        { returnPromise: true },
      );
      onAdded();
      onClose();
      return undefined;
    } catch (error) {
      return toSubmissionErrors(error);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="add-task-title">
      <Form onSubmit={submit} record={{ title: '', assignedUserId: null, dueDate: null }}>
        <DialogTitle id="add-task-title">Add task</DialogTitle>
        <DialogContent>
          <TextInput source="title" label="Title" validate={[required(), maxLength(200)]} autoFocus />
          <TextInput source="description" label="Description" multiline minRows={2} validate={maxLength(2000)} />
          {canReadUsers ? (
            <ReferenceInput source="assignedUserId" reference="users" sort={{ field: 'name', order: 'ASC' }}>
              <AutocompleteInput label="Assignee" optionText="name" filterToQuery={searchByName} />
            </ReferenceInput>
          ) : null}
          <DateInput source="dueDate" label="Due date" />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <SaveButton label="Save task" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
