import type { ReactNode } from 'react';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { AssigneeSelect } from './AssigneeSelect';
import {
  PRIORITY_LABELS,
  STATUS_KIND_LABELS,
  TICKET_PRIORITIES,
  TICKET_VISIBILITIES,
  type TicketPriority,
  type TicketVisibility,
  VISIBILITY_LABELS,
} from './types';
import { useTicketGroups, useTicketStatuses } from './useTicketLookups';

export const SUBJECT_MAX_LENGTH = 200;

/** A select of records by id, where the empty choice ('') stands for none (null). */
const IdSelect = ({
  label,
  value,
  onChange,
  error,
  children,
}: {
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  error: string | undefined;
  children: ReactNode;
}) => (
  <TextField
    select
    fullWidth
    margin="normal"
    label={label}
    value={value === null ? '' : String(value)}
    onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
    slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    error={Boolean(error)}
    helperText={error}
  >
    {children}
  </TextField>
);
export const DESCRIPTION_MAX_LENGTH = 20_000;

/** What the create and edit forms hold; '' and null are "none". */
export interface TicketDraft {
  subject: string;
  description: string;
  visibility: TicketVisibility;
  statusId: number | null;
  priority: TicketPriority;
  groupId: number | null;
  assigneeUserId: number | null;
  dueDate: string;
}

interface TicketFieldsProps {
  draft: TicketDraft;
  onChange: (draft: TicketDraft) => void;
  /** The API's messages per field. */
  errors?: Record<string, string>;
  /** The group and assignee names on the ticket now, for ones no longer offered. */
  currentGroupName?: string | null;
  currentAssigneeName?: string | null;
}

/** Subject and description, then status, priority, visibility, group, assignee and due date, two to a row. */
export const TicketFields = ({ draft, onChange, errors = {}, currentGroupName, currentAssigneeName }: TicketFieldsProps) => {
  const { statuses } = useTicketStatuses();
  const { groups } = useTicketGroups();
  const set = <K extends keyof TicketDraft>(key: K, value: TicketDraft[K]) => onChange({ ...draft, [key]: value });
  const offeredGroups = groups.filter((group) => !group.disabled || group.id === draft.groupId);
  const defaultStatus = statuses.find((status) => status.isDefault);
  return (
    <>
      <TextField
        fullWidth
        autoFocus
        margin="normal"
        label="Subject"
        value={draft.subject}
        onChange={(event) => set('subject', event.target.value.replace(/[\r\n]/g, ' '))}
        slotProps={{ htmlInput: { maxLength: SUBJECT_MAX_LENGTH } }}
        error={Boolean(errors.subject)}
        helperText={errors.subject}
        required
      />
      <TextField
        fullWidth
        multiline
        minRows={3}
        maxRows={12}
        margin="normal"
        label="Description"
        value={draft.description}
        onChange={(event) => set('description', event.target.value)}
        slotProps={{ htmlInput: { maxLength: DESCRIPTION_MAX_LENGTH } }}
        error={Boolean(errors.description)}
        helperText={errors.description}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <IdSelect label="Status" value={draft.statusId} onChange={(id) => set('statusId', id)} error={errors.statusId}>
          {draft.statusId === null ? (
            <MenuItem value="">
              <em>{defaultStatus ? `${defaultStatus.name} (the default)` : 'The default'}</em>
            </MenuItem>
          ) : null}
          {statuses.map((status) => (
            <MenuItem key={status.id} value={String(status.id)}>
              {status.name} · {STATUS_KIND_LABELS[status.kind].toLowerCase()}
            </MenuItem>
          ))}
        </IdSelect>
        <TextField
          select
          fullWidth
          margin="normal"
          label="Priority"
          value={draft.priority}
          onChange={(event) => set('priority', event.target.value as TicketPriority)}
        >
          {TICKET_PRIORITIES.map((priority) => (
            <MenuItem key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          select
          fullWidth
          margin="normal"
          label="Visibility"
          value={draft.visibility}
          onChange={(event) => set('visibility', event.target.value as TicketVisibility)}
          helperText={draft.visibility === 'public' ? 'Public replies are emailed to the recipients' : 'Staff only; nothing is emailed'}
        >
          {TICKET_VISIBILITIES.map((visibility) => (
            <MenuItem key={visibility} value={visibility}>
              {VISIBILITY_LABELS[visibility]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          fullWidth
          margin="normal"
          label="Due date"
          type="date"
          value={draft.dueDate}
          onChange={(event) => set('dueDate', event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          error={Boolean(errors.dueDate)}
          helperText={errors.dueDate}
        />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <IdSelect label="Group" value={draft.groupId} onChange={(id) => set('groupId', id)} error={errors.groupId}>
          <MenuItem value="">
            <em>No group</em>
          </MenuItem>
          {draft.groupId !== null && !offeredGroups.some((group) => group.id === draft.groupId) ? (
            <MenuItem value={String(draft.groupId)}>{currentGroupName ?? `Group ${draft.groupId}`}</MenuItem>
          ) : null}
          {offeredGroups.map((group) => (
            <MenuItem key={group.id} value={String(group.id)}>
              {group.name}
              {group.disabled ? ' (disabled)' : ''}
            </MenuItem>
          ))}
        </IdSelect>
        <AssigneeSelect
          value={draft.assigneeUserId}
          onChange={(userId) => set('assigneeUserId', userId)}
          currentName={currentAssigneeName}
        />
      </Stack>
    </>
  );
};
