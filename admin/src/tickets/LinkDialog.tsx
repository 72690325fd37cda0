import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import type { InventoryItem } from '../network/types';
import type { AccountFile, AccountTask } from '../types';
import { LINK_KIND_LABELS, type LinkableKind, type Ticket, ticketNumber } from './types';
import { useTicketsChanged } from './useTicketsChanged';

const KINDS: LinkableKind[] = ['task', 'file', 'inventory_item'];

/** The account's tasks, files or inventory items, whichever kind is being linked, not yet linked to this ticket. */
const useTargets = (accountId: number, kind: LinkableKind, ticket: Ticket) => {
  const options = { pagination: { page: 1, perPage: 500 } };
  const tasks = useGetList<AccountTask>(
    'account-tasks',
    { ...options, filter: { accountId }, sort: { field: 'createdAt', order: 'DESC' } },
    { enabled: kind === 'task' },
  );
  const files = useGetList<AccountFile>(
    'account-files',
    { ...options, filter: { accountId }, sort: { field: 'createdAt', order: 'DESC' } },
    { enabled: kind === 'file' },
  );
  const items = useGetList<InventoryItem>(
    'inventory-items',
    { ...options, filter: { accountId }, sort: { field: 'model', order: 'ASC' } },
    { enabled: kind === 'inventory_item' },
  );
  const linked = new Set(ticket.links.filter((link) => link.kind === kind).map((link) => link.targetId));
  const all =
    kind === 'task'
      ? (tasks.data ?? []).map((task) => ({ id: task.id, label: task.title }))
      : kind === 'file'
        ? (files.data ?? []).map((file) => ({ id: file.id, label: file.name }))
        : (items.data ?? []).map((item) => ({ id: item.id, label: `${item.modelName}${item.serial ? ` · ${item.serial}` : ''}` }));
  return all.filter((target) => !linked.has(target.id));
};

/** Link a task, file or inventory item of the ticket's account to the ticket. */
export const LinkDialog = ({ ticket, accountId, onClose }: { ticket: Ticket; accountId: number; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useTicketsChanged();
  const [kind, setKind] = useState<LinkableKind>('task');
  const [targetId, setTargetId] = useState<number | null>(null);
  const targets = useTargets(accountId, kind, ticket);

  const confirm = async () => {
    await dataProvider.addTicketLink(ticket.id, { kind, targetId: targetId as number });
    await changed();
    return `${LINK_KIND_LABELS[kind]} linked to ${ticketNumber(ticket.id)}`;
  };

  return (
    <ActionDialog
      title={`Link to ticket ${ticketNumber(ticket.id)}`}
      confirmLabel="Link"
      onConfirm={confirm}
      onClose={onClose}
      disabled={targetId === null}
    >
      <TextField
        select
        fullWidth
        margin="normal"
        label="What"
        value={kind}
        onChange={(event) => {
          setKind(event.target.value as LinkableKind);
          setTargetId(null);
        }}
      >
        {KINDS.map((option) => (
          <MenuItem key={option} value={option}>
            {LINK_KIND_LABELS[option]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        fullWidth
        margin="normal"
        label={LINK_KIND_LABELS[kind]}
        value={targetId === null ? '' : String(targetId)}
        onChange={(event) => setTargetId(Number(event.target.value))}
        helperText={targets.length === 0 ? `The account has no ${LINK_KIND_LABELS[kind].toLowerCase()} left to link` : undefined}
      >
        {targets.map((target) => (
          <MenuItem key={target.id} value={String(target.id)}>
            {target.label}
          </MenuItem>
        ))}
      </TextField>
    </ActionDialog>
  );
};
