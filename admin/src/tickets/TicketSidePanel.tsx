import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AssignmentIcon from '@mui/icons-material/AssignmentOutlined';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import BuildIcon from '@mui/icons-material/BuildOutlined';
import CloseIcon from '@mui/icons-material/Close';
import RouterIcon from '@mui/icons-material/RouterOutlined';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type ReactElement, type ReactNode, useState } from 'react';
import { useNotify } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { accountTabPath } from '../accounts/accountTabPath';
import { formatDate, formatDateTime } from '../accounts/formatting';
import { ActionDialog } from '../billing/common/ActionDialog';
import { DetailList } from '../billing/common/DetailList';
import { AccountPicker, NoneText } from '../common';
import { accountFileDownloadUrl, useBackhaulDataProvider } from '../dataProvider';
import { jobShowPath } from '../jobs/jobPath';
import type { Account } from '../types';
import { TicketStatusChip, VisibilityChip } from './TicketChips';
import { LINK_KIND_LABELS, SOURCE_LABELS, type Ticket, type TicketLink, type TicketLinkKind, ticketNumber } from './types';
import { useTicketsChanged } from './useTicketsChanged';

const LINK_ICONS: Record<TicketLinkKind, ReactElement> = {
  task: <AssignmentIcon fontSize="small" />,
  file: <AttachFileIcon fontSize="small" />,
  job: <BuildIcon fontSize="small" />,
  inventory_item: <RouterIcon fontSize="small" />,
};
const LINK_ORDER: TicketLinkKind[] = ['task', 'file', 'job', 'inventory_item'];

const Section = ({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) => (
  <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-label={title}>
    <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 0.5 }}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      {action}
    </Stack>
    {children}
  </Paper>
);

const TicketRefLink = ({ id, subject }: { id: number; subject: string }) => (
  <Link component={RouterLink} to={`/tickets/${id}/show`} underline="hover">
    {ticketNumber(id)} {subject}
  </Link>
);

const linkLabel = (link: TicketLink) =>
  link.label === null ? (
    <NoneText>
      {LINK_KIND_LABELS[link.kind]} {link.targetId} (gone)
    </NoneText>
  ) : link.kind === 'file' ? (
    <Link href={accountFileDownloadUrl(link.targetId)} underline="hover">
      {link.label}
    </Link>
  ) : link.kind === 'job' ? (
    <Link component={RouterLink} to={jobShowPath(link.targetId)} underline="hover">
      {link.label}
    </Link>
  ) : (
    link.label
  );

/** A ticket on no account yet (mail from an unknown sender) is matched to one by hand, once. */
const SetAccountDialog = ({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useTicketsChanged();
  const [account, setAccount] = useState<Account | null>(null);
  return (
    <ActionDialog
      title={`Set the account of ${ticketNumber(ticket.id)}`}
      confirmLabel="Set account"
      onConfirm={async () => {
        await dataProvider.updateTicket(ticket.id, { accountId: (account as Account).id });
        await changed();
        return `${ticketNumber(ticket.id)} is on ${(account as Account).name} now`;
      }}
      onClose={onClose}
      disabled={account === null}
    >
      <Typography variant="body2">The account is set once; it cannot be changed afterwards.</Typography>
      <AccountPicker label="Account" value={account} onChange={setAccount} />
    </ActionDialog>
  );
};

interface TicketSidePanelProps {
  ticket: Ticket;
  canWrite: boolean;
  onEditRecipients: () => void;
  onAddChild: () => void;
  onLink: () => void;
}

/** Beside the conversation: the account, recipients, the ticket's facts, parent and children, and what is linked. */
export const TicketSidePanel = ({ ticket, canWrite, onEditRecipients, onAddChild, onLink }: TicketSidePanelProps) => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const changed = useTicketsChanged();
  const [settingAccount, setSettingAccount] = useState(false);
  const editable = canWrite && ticket.mergedIntoTicketId === null;
  const links = [...ticket.links].sort((a, b) => LINK_ORDER.indexOf(a.kind) - LINK_ORDER.indexOf(b.kind) || a.id - b.id);

  const unlink = async (link: TicketLink) => {
    try {
      await dataProvider.removeTicketLink(ticket.id, link.id);
      await changed();
      notify(`${LINK_KIND_LABELS[link.kind]} unlinked`, { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'Could not unlink it', { type: 'error' });
    }
  };

  const facts: [string, ReactNode][] = [
    [
      'Account',
      ticket.accountId !== null ? (
        <Link component={RouterLink} to={accountTabPath(ticket.accountId, 'tickets')} underline="hover">
          {ticket.accountName ?? `Account ${ticket.accountId}`}
        </Link>
      ) : (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <NoneText>None yet</NoneText>
          {editable ? (
            <Button size="small" onClick={() => setSettingAccount(true)}>
              Set account
            </Button>
          ) : null}
        </Stack>
      ),
    ],
    ['Group', ticket.groupName ?? <NoneText />],
    [
      'Due date',
      ticket.dueDate ? (
        <Typography variant="body2" component="span" color={ticket.overdue ? 'error' : undefined}>
          {formatDate(ticket.dueDate)}
          {ticket.overdue ? ' · overdue' : ''}
        </Typography>
      ) : (
        <NoneText />
      ),
    ],
    ['Visibility', <VisibilityChip key="visibility" visibility={ticket.visibility} />],
    ['Source', SOURCE_LABELS[ticket.source]],
    ['Opened', `${formatDateTime(ticket.createdAt)}${ticket.createdByName ? ` by ${ticket.createdByName}` : ''}`],
    ['Last activity', formatDateTime(ticket.lastActivityAt)],
    ['First response', ticket.firstRespondedAt ? formatDateTime(ticket.firstRespondedAt) : <NoneText>Not yet</NoneText>],
    ...(ticket.closedAt ? ([['Closed', formatDateTime(ticket.closedAt)]] as [string, ReactNode][]) : []),
  ];

  return (
    <Stack spacing={1.5} component="aside" aria-label="Ticket details">
      <Section title="Details">
        <DetailList rows={facts} label="Ticket facts" />
      </Section>
      <Section
        title="Recipients"
        action={
          editable ? (
            <Button size="small" onClick={onEditRecipients}>
              Edit recipients
            </Button>
          ) : null
        }
      >
        {ticket.recipients.length ? (
          <List dense disablePadding aria-label="Recipients">
            {ticket.recipients.map((recipient) => (
              <ListItem key={recipient.id} disableGutters sx={{ py: 0 }}>
                <ListItemText
                  primary={recipient.address}
                  secondary={recipient.contactName}
                  slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
                />
              </ListItem>
            ))}
          </List>
        ) : (
          <NoneText>Nobody receives public replies.</NoneText>
        )}
      </Section>
      <Section
        title="Parent and child tickets"
        action={
          editable ? (
            <Button size="small" onClick={onAddChild}>
              Add child ticket
            </Button>
          ) : null
        }
      >
        <Stack spacing={0.5}>
          <Typography variant="body2" component="div">
            <Typography component="span" variant="body2" color="text.secondary">
              Parent:{' '}
            </Typography>
            {ticket.parent ? <TicketRefLink id={ticket.parent.id} subject={ticket.parent.subject} /> : <NoneText />}
          </Typography>
          {ticket.children.length ? (
            <List dense disablePadding aria-label="Child tickets">
              {ticket.children.map((child) => (
                <ListItem key={child.id} disableGutters sx={{ py: 0.25, gap: 1 }}>
                  <ListItemIcon sx={{ minWidth: 0 }}>
                    <AccountTreeIcon fontSize="small" />
                  </ListItemIcon>
                  <ListItemText primary={<TicketRefLink id={child.id} subject={child.subject} />} />
                  <TicketStatusChip name={child.statusName} kind={child.statusKind} />
                </ListItem>
              ))}
            </List>
          ) : (
            <NoneText>No child tickets.</NoneText>
          )}
          {ticket.mergedFrom.length ? (
            <>
              <Divider sx={{ my: 0.5 }} />
              <Typography variant="body2" color="text.secondary">
                Merged into this one:
              </Typography>
              {ticket.mergedFrom.map((source) => (
                <Typography key={source.id} variant="body2">
                  <TicketRefLink id={source.id} subject={source.subject} />
                </Typography>
              ))}
            </>
          ) : null}
        </Stack>
      </Section>
      <Section
        title="Linked"
        action={
          editable && ticket.accountId !== null ? (
            <Button size="small" onClick={onLink}>
              Link
            </Button>
          ) : null
        }
      >
        {links.length ? (
          <List dense disablePadding aria-label="Linked">
            {links.map((link) => (
              <ListItem
                key={link.id}
                disableGutters
                sx={{ py: 0.25 }}
                secondaryAction={
                  editable ? (
                    <IconButton
                      edge="end"
                      size="small"
                      aria-label={`Unlink ${LINK_KIND_LABELS[link.kind].toLowerCase()} ${link.label ?? link.targetId}`}
                      onClick={() => void unlink(link)}
                    >
                      <CloseIcon fontSize="small" />
                    </IconButton>
                  ) : null
                }
              >
                <ListItemIcon sx={{ minWidth: 32 }} title={LINK_KIND_LABELS[link.kind]}>
                  {LINK_ICONS[link.kind]}
                </ListItemIcon>
                <ListItemText primary={linkLabel(link)} secondary={LINK_KIND_LABELS[link.kind]} />
              </ListItem>
            ))}
          </List>
        ) : (
          <NoneText>Nothing linked.</NoneText>
        )}
      </Section>
      {settingAccount ? <SetAccountDialog ticket={ticket} onClose={() => setSettingAccount(false)} /> : null}
    </Stack>
  );
};
