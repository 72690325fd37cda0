import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useDataProvider, useGetList, useNotify } from 'react-admin';
import { DURATION_UNITS, type DurationDraft, fromDraft, toDraft } from './durations';
import { type DeadlineTarget, PRIORITIES, type TicketPriority } from './types';

interface Props {
  /** The target to change; none for a new one. */
  target: DeadlineTarget | null;
  onClose: (saved: boolean) => void;
}

const DurationInput = ({ label, draft, onChange }: { label: string; draft: DurationDraft; onChange: (d: DurationDraft) => void }) => (
  <Stack direction="row" spacing={1}>
    <TextField
      size="small"
      label={label}
      value={draft.amount}
      onChange={(e) => onChange({ ...draft, amount: e.target.value })}
      helperText="Business time; empty for none"
      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
    />
    <TextField
      size="small"
      select
      label="Unit"
      value={draft.unit}
      onChange={(e) => onChange({ ...draft, unit: e.target.value as DurationDraft['unit'] })}
      sx={{ minWidth: 140 }}
    >
      {DURATION_UNITS.map((u) => (
        <MenuItem key={u.id} value={u.id}>
          {u.name}
        </MenuItem>
      ))}
    </TextField>
  </Stack>
);

/** A target of a group (or the default) and a priority: the two durations in minutes, hours or days, and whether a breach raises the priority. */
export const TargetDialog = ({ target, onClose }: Props) => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const { data: groups = [] } = useGetList<{ id: number; name: string }>('ticket-groups', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [groupId, setGroupId] = useState<string>(target?.groupId ? String(target.groupId) : '');
  const [priority, setPriority] = useState<TicketPriority>(target?.priority ?? 'medium');
  const [firstResponse, setFirstResponse] = useState(toDraft(target?.firstResponseSeconds ?? null));
  const [resolution, setResolution] = useState(toDraft(target?.resolutionSeconds ?? null));
  const [raise, setRaise] = useState(target?.raisePriorityOnBreach ?? false);

  const save = async () => {
    const firstResponseSeconds = fromDraft(firstResponse);
    const resolutionSeconds = fromDraft(resolution);
    if (firstResponseSeconds === undefined || resolutionSeconds === undefined) {
      notify('A duration must be a positive number', { type: 'error' });
      return;
    }
    const data = {
      groupId: groupId ? Number(groupId) : null,
      priority,
      firstResponseSeconds,
      resolutionSeconds,
      raisePriorityOnBreach: raise,
    };
    try {
      if (target) await dataProvider.update('ticket-deadline-targets', { id: target.id, data, previousData: target });
      else await dataProvider.create('ticket-deadline-targets', { data });
      onClose(true);
    } catch (err) {
      notify(err instanceof Error ? err.message : 'The target was not saved', { type: 'error' });
    }
  };

  return (
    <Dialog open onClose={() => onClose(false)} aria-labelledby="target-dialog-title">
      <DialogTitle id="target-dialog-title">{target ? 'Change target' : 'New target'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField size="small" select label="Ticket group" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <MenuItem value="">Default (every group without its own)</MenuItem>
            {groups.map((g) => (
              <MenuItem key={g.id} value={String(g.id)}>
                {g.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" select label="Priority" value={priority} onChange={(e) => setPriority(e.target.value as TicketPriority)}>
            {PRIORITIES.map((p) => (
              <MenuItem key={p} value={p}>
                {p}
              </MenuItem>
            ))}
          </TextField>
          <DurationInput label="First response within" draft={firstResponse} onChange={setFirstResponse} />
          <DurationInput label="Resolution within" draft={resolution} onChange={setResolution} />
          <FormControlLabel
            control={<Checkbox checked={raise} onChange={(e) => setRaise(e.target.checked)} />}
            label="A missed target raises the ticket's priority one step"
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
};
