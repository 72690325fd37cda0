import AttachFileIcon from '@mui/icons-material/AttachFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { formatDateTime } from '../../accounts/formatting';
import type { EmailDetail } from '../types';
import { attachmentUrl } from '../resources';
import { EmailStatusChip } from './EmailStatusChip';
import { errorMessage, useBackhaulDataProvider } from '../../dataProvider';

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: '9rem 1fr', gap: 1 }}>
    <Typography variant="body2" color="text.secondary" component="dt">
      {label}
    </Typography>
    <Typography variant="body2" component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </Box>
);

/**
 * The HTML part in an iframe with every sandbox permission off: no scripts, no forms,
 * no navigation of the panel, and a separate origin, so mail content cannot reach the session.
 */
const HtmlBody = ({ html }: { html: string }) => (
  <Box
    component="iframe"
    title="HTML content"
    sandbox=""
    srcDoc={html}
    referrerPolicy="no-referrer"
    sx={{ width: '100%', height: 420, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'common.white' }}
  />
);

const Content = ({ email }: { email: EmailDetail }) => {
  const [part, setPart] = useState<'text' | 'html'>('text');
  return (
    <Stack spacing={2}>
      <Box component="dl" sx={{ m: 0, display: 'grid', gap: 0.5 }}>
        <Field label="Status">
          <EmailStatusChip status={email.status} />
        </Field>
        <Field label="To">{email.to}</Field>
        <Field label="Subject">{email.subject}</Field>
        <Field label="Created">{formatDateTime(email.createdAt)}</Field>
        <Field label="Sent">{formatDateTime(email.sentAt)}</Field>
        <Field label="Attempts">{email.attempts}</Field>
        {email.rejectReason ? <Field label="Reject reason">{email.rejectReason}</Field> : null}
        {email.lastError && email.status !== 'sent' ? <Field label="Last error">{email.lastError}</Field> : null}
        {email.serverReply ? <Field label="Server reply">{email.serverReply}</Field> : null}
        {email.categoryName ? <Field label="Category">{email.categoryName}</Field> : null}
        <Field label="Message-ID">{email.messageId}</Field>
      </Box>
      {email.attachments.length ? (
        <Box>
          <Typography variant="subtitle2" component="h3">
            Attachments
          </Typography>
          <Stack component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} spacing={0.5}>
            {email.attachments.map((attachment) => (
              <li key={attachment.id}>
                <Link href={attachmentUrl(attachment.kind, attachment.sourceId)} target="_blank" rel="noopener" underline="hover">
                  <AttachFileIcon fontSize="inherit" sx={{ verticalAlign: 'middle', mr: 0.5 }} />
                  {attachment.filename}
                </Link>
              </li>
            ))}
          </Stack>
        </Box>
      ) : null}
      <Box>
        <Tabs value={part} onChange={(_event, value: 'text' | 'html') => setPart(value)} aria-label="Email content">
          <Tab value="text" label="Text" />
          <Tab value="html" label="HTML" disabled={!email.html} />
        </Tabs>
        {part === 'html' && email.html ? (
          <HtmlBody html={email.html} />
        ) : (
          <Box
            component="pre"
            aria-label="Text content"
            sx={{
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
              fontFamily: 'inherit',
              m: 0,
              mt: 1,
              p: 1.5,
              bgcolor: 'action.hover',
              borderRadius: 1,
            }}
          >
            {email.text}
          </Box>
        )}
      </Box>
    </Stack>
  );
};

/** One email as it was sent: headers, delivery facts, text or HTML, and its attachments. */
export const EmailContentDialog = ({ emailId, onClose }: { emailId: number; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const titleId = useId();
  const { data, error, isPending } = useQuery({ queryKey: ['email', emailId], queryFn: () => dataProvider.fetchEmail(emailId) });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{data ? data.subject : 'Email'}</DialogTitle>
      <DialogContent>
        {error ? <Alert severity="error">Could not load the email: {errorMessage(error)}</Alert> : null}
        {isPending ? <Skeleton variant="rounded" height={240} /> : null}
        {data ? <Content email={data} /> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
};
