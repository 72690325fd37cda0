import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useAssignees } from './useTicketLookups';

interface AssigneeSelectProps {
  value: number | null;
  onChange: (userId: number | null) => void;
  /** Shown for someone no longer offered (a deactivated user still on an old ticket). */
  currentName?: string | null;
  label?: string;
  autoFocus?: boolean;
}

/** Who works the ticket, or nobody yet. */
export const AssigneeSelect = ({ value, onChange, currentName, label = 'Assignee', autoFocus }: AssigneeSelectProps) => {
  const assignees = useAssignees();
  const known = value === null || assignees.some((option) => option.id === value);
  return (
    <TextField
      select
      fullWidth
      margin="normal"
      label={label}
      autoFocus={autoFocus}
      value={value === null ? '' : String(value)}
      onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      <MenuItem value="">
        <em>Unassigned</em>
      </MenuItem>
      {!known && value !== null ? <MenuItem value={String(value)}>{currentName ?? `User ${value}`}</MenuItem> : null}
      {assignees.map((option) => (
        <MenuItem key={option.id} value={String(option.id)}>
          {option.name}
        </MenuItem>
      ))}
    </TextField>
  );
};
