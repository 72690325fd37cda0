import EmailIcon from '@mui/icons-material/Email';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { Permissions, useHasPermission } from '../../permissions';
import type { Email } from '../types';
import { EmailContentDialog } from './EmailContentDialog';
import { EmailList } from './EmailList';
import { ResendEmailDialog } from './ResendEmailDialog';
import { WriteEmailDialog } from './WriteEmailDialog';

type DialogState = { kind: 'write' } | { kind: 'open'; email: Email } | { kind: 'resend'; email: Email } | null;

/** Correspondence › Emails: what was sent to the account, how delivery went, and a way to write or send again. */
export const EmailsTab = ({ account }: AccountTabProps) => {
  const canWrite = useHasPermission(Permissions.CorrespondenceWrite);
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = () => setDialog(null);

  return (
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            Emails
          </Typography>
          {canWrite ? (
            <Button size="small" variant="contained" startIcon={<EmailIcon />} onClick={() => setDialog({ kind: 'write' })}>
              Write email
            </Button>
          ) : null}
        </Stack>
        <EmailList
          accountId={account.id}
          canWrite={canWrite}
          onOpen={(email) => setDialog({ kind: 'open', email })}
          onResend={(email) => setDialog({ kind: 'resend', email })}
        />
      </CardContent>
      {dialog?.kind === 'write' ? <WriteEmailDialog accountId={account.id} onClose={close} /> : null}
      {dialog?.kind === 'open' ? <EmailContentDialog emailId={dialog.email.id} onClose={close} /> : null}
      {dialog?.kind === 'resend' ? <ResendEmailDialog email={dialog.email} accountId={account.id} onClose={close} /> : null}
    </Card>
  );
};
