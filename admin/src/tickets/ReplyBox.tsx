import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useRef, useState } from 'react';
import { useNotify } from 'react-admin';
import { errorMessage, useBackhaulDataProvider } from '../dataProvider';
import type { Ticket } from './types';
import { useTicketsChanged } from './useTicketsChanged';

type Mode = 'public_reply' | 'internal_comment';

const MAX_LENGTH = 50_000;

interface ReplyBoxProps {
  ticket: Ticket;
  onEditRecipients: () => void;
}

/** Write on the ticket: a public reply, emailed to its recipients, or an internal comment that staff alone see. */
export const ReplyBox = ({ ticket, onEditRecipients }: ReplyBoxProps) => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const changed = useTicketsChanged();
  const [mode, setMode] = useState<Mode>(ticket.visibility === 'public' ? 'public_reply' : 'internal_comment');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const internalTicket = ticket.visibility === 'internal';
  const noRecipients = ticket.recipients.length === 0;
  const blocked = mode === 'public_reply' && (internalTicket || noRecipients);

  const makePublic = async () => {
    try {
      await dataProvider.updateTicket(ticket.id, { visibility: 'public' });
      await changed();
      notify('The ticket is public now', { type: 'success' });
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  const send = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await dataProvider.postTicketMessage(ticket.id, { kind: mode, bodyText: text });
      setText('');
      await changed();
      notify(mode === 'public_reply' ? `Reply sent to ${ticket.recipients.map((r) => r.address).join(', ')}` : 'Comment added', {
        type: 'success',
      });
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5, bgcolor: mode === 'internal_comment' ? '#fff8e1' : undefined }}
      component="section"
      aria-label="Write on the ticket"
    >
      <ToggleButtonGroup
        exclusive
        size="small"
        value={mode}
        onChange={(_event, value: Mode | null) => value && setMode(value)}
        aria-label="Kind of message"
        sx={{ mb: 1 }}
      >
        <ToggleButton value="public_reply">Public reply</ToggleButton>
        <ToggleButton value="internal_comment">Internal comment</ToggleButton>
      </ToggleButtonGroup>
      {mode === 'public_reply' && internalTicket ? (
        <Alert
          severity="info"
          sx={{ mb: 1 }}
          action={
            <Button color="inherit" size="small" onClick={() => void makePublic()}>
              Make public
            </Button>
          }
        >
          This ticket is internal: nothing is emailed from it. Make it public to reply to the subscriber, or write an internal comment.
        </Alert>
      ) : null}
      {mode === 'public_reply' && !internalTicket && noRecipients ? (
        <Alert
          severity="warning"
          sx={{ mb: 1 }}
          action={
            <Button color="inherit" size="small" onClick={onEditRecipients}>
              Add recipients
            </Button>
          }
        >
          Nobody receives this ticket’s replies yet.
        </Alert>
      ) : null}
      <TextField
        fullWidth
        multiline
        minRows={4}
        maxRows={20}
        label={mode === 'public_reply' ? 'Reply' : 'Comment'}
        placeholder={
          mode === 'public_reply'
            ? `Emailed to ${ticket.recipients.map((recipient) => recipient.address).join(', ') || 'the recipients'}`
            : 'Only staff see this'
        }
        value={text}
        onChange={(event) => setText(event.target.value)}
        slotProps={{ htmlInput: { maxLength: MAX_LENGTH } }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && text.trim() && !blocked) void send();
        }}
        helperText="Ctrl+Enter sends"
      />
      <Stack direction="row" sx={{ justifyContent: 'flex-end', mt: 1 }}>
        <Button
          variant="contained"
          color={mode === 'internal_comment' ? 'warning' : 'primary'}
          onClick={() => void send()}
          disabled={busy || !text.trim() || blocked}
        >
          {mode === 'public_reply' ? 'Send reply' : 'Add comment'}
        </Button>
      </Stack>
    </Paper>
  );
};
