import DialogContentText from '@mui/material/DialogContentText';
import { ActionDialog } from '../../billing/common/ActionDialog';
import type { Email } from '../types';
import { EMAIL_STATUS_LABELS } from './EmailStatusChip';
import { useEmailsChanged } from './useEmailsChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

/** Sending again queues a new copy; the original row and its outcome stay as they were. */
export const ResendEmailDialog = ({ email, accountId, onClose }: { email: Email; accountId: number; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useEmailsChanged(accountId);
  const confirm = async () => {
    await dataProvider.resendEmail(email.id);
    await changed();
    return `A new copy to ${email.to} is queued`;
  };
  return (
    <ActionDialog title="Send this email again?" confirmLabel="Send again" onConfirm={confirm} onClose={onClose}>
      <DialogContentText>
        “{email.subject}” to {email.to} ({EMAIL_STATUS_LABELS[email.status].toLowerCase()}). A new copy is queued and delivered on its own;
        this one is kept as it is.
      </DialogContentText>
    </ActionDialog>
  );
};
