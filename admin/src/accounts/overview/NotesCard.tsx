import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useCreate, useGetList, useNotify } from 'react-admin';
import { Permissions, useHasPermission } from '../../permissions';
import type { AccountNote } from '../../types';
import { useAccountChanged } from '../useAccountChanged';
import { NoteItem } from './NoteItem';
import { SectionCard } from './SectionCard';
import { errorMessage } from '../../dataProvider';

export const NotesCard = ({ accountId }: { accountId: number }) => {
  const canManage = useHasPermission(Permissions.AccountsManage);
  const notify = useNotify();
  const accountChanged = useAccountChanged();
  const [create, { isPending: adding }] = useCreate<AccountNote>();
  const [body, setBody] = useState('');
  const { data: notes = [], refetch } = useGetList<AccountNote>('account-notes', {
    filter: { accountId },
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 50 },
  });

  const changed = () => {
    void refetch();
    void accountChanged();
  };

  const add = async () => {
    try {
      await create('account-notes', { data: { accountId, body: body.trim() } }, { returnPromise: true });
      setBody('');
      changed();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  return (
    <SectionCard title="Notes">
      {canManage ? (
        <Stack spacing={1} sx={{ mb: 1 }}>
          <TextField
            label="New note"
            value={body}
            onChange={(event) => setBody(event.target.value)}
            multiline
            minRows={2}
            size="small"
            fullWidth
          />
          <Box>
            <Button variant="contained" size="small" onClick={add} disabled={adding || body.trim() === ''}>
              Add note
            </Button>
          </Box>
        </Stack>
      ) : null}
      {notes.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No notes yet.
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, p: 0, maxHeight: 360, overflow: 'auto' }} aria-label="Notes">
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} canManage={canManage} onChanged={changed} />
          ))}
        </Box>
      )}
    </SectionCard>
  );
};
