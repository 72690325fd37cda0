import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Confirm, useDelete, useNotify, useUpdate } from 'react-admin';
import type { AccountNote } from '../../types';
import { RelativeTime } from '../RelativeTime';
import { errorMessage } from '../../dataProvider';

interface NoteItemProps {
  note: AccountNote;
  canManage: boolean;
  onChanged: () => void;
}

/** One note: its text, who wrote it and when; edit in place, delete after confirming. */
export const NoteItem = ({ note, canManage, onChanged }: NoteItemProps) => {
  const notify = useNotify();
  const [update, { isPending: saving }] = useUpdate<AccountNote>();
  const [remove, { isPending: deleting }] = useDelete<AccountNote>();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  const [confirming, setConfirming] = useState(false);

  const save = async () => {
    try {
      await update(
        'account-notes',
        { id: note.id, data: { body: body.trim() }, previousData: note },
        { returnPromise: true, mutationMode: 'pessimistic' },
      );
      setEditing(false);
      onChanged();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  const confirmDelete = async () => {
    try {
      await remove('account-notes', { id: note.id, previousData: note }, { returnPromise: true, mutationMode: 'pessimistic' });
      setConfirming(false);
      onChanged();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  return (
    <Box component="li" sx={{ listStyle: 'none', py: 1, borderBottom: 1, borderColor: 'divider' }} aria-label="Note">
      {editing ? (
        <Stack spacing={1}>
          <TextField
            label="Edit note"
            value={body}
            onChange={(event) => setBody(event.target.value)}
            multiline
            minRows={2}
            size="small"
            fullWidth
          />
          <Stack direction="row" spacing={1}>
            <Button size="small" variant="contained" onClick={save} disabled={saving || body.trim() === ''}>
              Save note
            </Button>
            <Button
              size="small"
              onClick={() => {
                setBody(note.body);
                setEditing(false);
              }}
            >
              Cancel
            </Button>
          </Stack>
        </Stack>
      ) : (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {note.body}
        </Typography>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
        <Typography variant="caption" color="text.secondary">
          {note.authorName ?? 'system'} · <RelativeTime value={note.createdAt} />
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {canManage && !editing ? (
          <>
            <Button size="small" onClick={() => setEditing(true)} aria-label="Edit note">
              Edit
            </Button>
            <Button size="small" color="error" onClick={() => setConfirming(true)} aria-label="Delete note">
              Delete
            </Button>
          </>
        ) : null}
      </Stack>
      <Confirm
        isOpen={confirming}
        loading={deleting}
        title="Delete this note?"
        content="The note is removed for everyone. This cannot be undone."
        confirm="Delete"
        onConfirm={confirmDelete}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
};
