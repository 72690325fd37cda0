import AddIcCallIcon from '@mui/icons-material/AddIcCall';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { Permissions, useHasPermission } from '../../permissions';
import type { CallLog } from '../types';
import { CallLogDialog } from './CallLogDialog';
import { CreateTicketFromCallDialog } from './CreateTicketFromCallDialog';
import { CallLogDrawer } from './CallLogDrawer';
import { CallLogList } from './CallLogList';
import type { CallLogAction } from './CallLogRowMenu';
import { DeleteCallLogDialog } from './DeleteCallLogDialog';

type DialogState = { action: CallLogAction | 'create'; callLog?: CallLog } | null;

/** Correspondence › Call Logs: the calls with the subscriber, and what came of them. */
export const CallLogsTab = ({ account }: AccountTabProps) => {
  const canWrite = useHasPermission(Permissions.CorrespondenceWrite);
  const canOpenTickets = useHasPermission(Permissions.TicketsWrite);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [opened, setOpened] = useState<CallLog | null>(null);
  const close = () => setDialog(null);

  return (
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            Call logs
          </Typography>
          {canWrite ? (
            <Button size="small" variant="contained" startIcon={<AddIcCallIcon />} onClick={() => setDialog({ action: 'create' })}>
              Log a call
            </Button>
          ) : null}
        </Stack>
        <CallLogList
          accountId={account.id}
          canWrite={canWrite}
          canOpenTickets={canOpenTickets}
          onAction={(action, callLog) => setDialog({ action, callLog })}
          onOpen={setOpened}
        />
      </CardContent>
      <CallLogDrawer callLog={opened} onClose={() => setOpened(null)} />
      {dialog?.action === 'create' ? <CallLogDialog accountId={account.id} onClose={close} /> : null}
      {dialog?.action === 'edit' && dialog.callLog ? (
        <CallLogDialog accountId={account.id} callLog={dialog.callLog} onClose={close} />
      ) : null}
      {dialog?.action === 'internal-ticket' && dialog.callLog ? (
        <CreateTicketFromCallDialog callLog={dialog.callLog} kind="internal" onClose={close} />
      ) : null}
      {dialog?.action === 'public-ticket' && dialog.callLog ? (
        <CreateTicketFromCallDialog callLog={dialog.callLog} kind="public" onClose={close} />
      ) : null}
      {dialog?.action === 'delete' && dialog.callLog ? <DeleteCallLogDialog callLog={dialog.callLog} onClose={close} /> : null}
    </Card>
  );
};
