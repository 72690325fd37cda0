import AttachFileIcon from '@mui/icons-material/AttachFile';
import LockIcon from '@mui/icons-material/LockOutlined';
import MailIcon from '@mui/icons-material/MailOutline';
import ReplyIcon from '@mui/icons-material/Reply';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type ReactElement, useState } from 'react';
import { formatBytes, formatDateTime } from '../accounts/formatting';
import { EmailStatusChip } from '../correspondence/emails/EmailStatusChip';
import { ticketAttachmentUrl } from '../dataProvider';
import { type Ticket, type TicketMessage, ticketNumber } from './types';

type Kind = TicketMessage['kind'];

const KIND: Record<Kind, { label: string; icon: ReactElement; border: string; background: string }> = {
  public_reply: { label: 'Public reply', icon: <ReplyIcon fontSize="small" />, border: 'primary.main', background: 'background.paper' },
  internal_comment: { label: 'Internal comment', icon: <LockIcon fontSize="small" />, border: 'warning.main', background: '#fff8e1' },
  inbound: { label: 'Email received', icon: <MailIcon fontSize="small" />, border: 'grey.500', background: 'grey.50' },
};

/**
 * The mail's HTML, already sanitised by the API, in a frame with every sandbox permission off: no
 * scripts, no forms, no navigation of the panel, a separate origin, nothing fetched with the referrer.
 */
const HtmlBody = ({ html }: { html: string }) => (
  <Box
    component="iframe"
    title="Email as formatted"
    sandbox=""
    srcDoc={html}
    referrerPolicy="no-referrer"
    sx={{ width: '100%', height: 360, resize: 'vertical', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'common.white' }}
  />
);

const MessageItem = ({ message, ticketId }: { message: TicketMessage; ticketId: number }) => {
  const [formatted, setFormatted] = useState(false);
  const kind = KIND[message.kind];
  const who = message.kind === 'inbound' ? (message.fromAddress ?? 'Unknown sender') : (message.authorName ?? 'Staff');
  return (
    <Paper
      component="article"
      variant="outlined"
      aria-label={`${kind.label} from ${who}`}
      sx={{ p: 1.5, borderLeft: 4, borderLeftColor: kind.border, bgcolor: kind.background }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5, mb: 1 }}>
        <Chip size="small" icon={kind.icon} label={kind.label} variant="outlined" />
        <Typography variant="subtitle2" component="span" sx={{ overflowWrap: 'anywhere' }}>
          {who}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {formatDateTime(message.createdAt)}
        </Typography>
        {message.writtenOnTicketId !== ticketId ? (
          <Typography variant="caption" color="text.secondary">
            · written on {ticketNumber(message.writtenOnTicketId)}
          </Typography>
        ) : null}
        {message.bodyHtml ? (
          <Button size="small" sx={{ ml: 'auto !important' }} onClick={() => setFormatted(!formatted)}>
            {formatted ? 'Show as text' : 'Show as formatted'}
          </Button>
        ) : null}
      </Stack>
      {formatted && message.bodyHtml ? (
        <HtmlBody html={message.bodyHtml} />
      ) : (
        <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.bodyText}
        </Typography>
      )}
      {message.attachments.length ? (
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 0.5 }} aria-label="Attachments">
          {message.attachments.map((attachment) => (
            <Link
              key={attachment.id}
              href={ticketAttachmentUrl(attachment.id)}
              download={attachment.name}
              underline="hover"
              variant="body2"
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
            >
              <AttachFileIcon fontSize="inherit" />
              {attachment.name} ({formatBytes(attachment.sizeBytes)})
            </Link>
          ))}
        </Stack>
      ) : null}
      {message.emails.length ? (
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 0.5, alignItems: 'center' }}>
          <Typography variant="caption" color="text.secondary">
            Emailed to
          </Typography>
          {message.emails.map((email) => (
            <Stack key={email.emailId} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
              <Typography variant="caption">{email.to}</Typography>
              <EmailStatusChip status={email.status} />
            </Stack>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
};

/** The ticket's thread, oldest first: its description, then replies, comments and mail that came in. */
export const Conversation = ({ ticket }: { ticket: Ticket }) => (
  <Stack spacing={1.5} component="section" aria-label="Conversation">
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        Description
      </Typography>
      <Typography
        variant="body2"
        sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        color={ticket.description ? undefined : 'text.secondary'}
      >
        {ticket.description || 'No description.'}
      </Typography>
    </Paper>
    {ticket.messages.length === 0 ? (
      <Typography variant="body2" color="text.secondary">
        No messages yet.
      </Typography>
    ) : (
      ticket.messages.map((message) => <MessageItem key={message.id} message={message} ticketId={ticket.id} />)
    )}
  </Stack>
);
