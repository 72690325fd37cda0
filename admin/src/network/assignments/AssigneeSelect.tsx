import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useRadiusAccounts } from '../radius/useRadiusAccounts';
import { type AssigneeChoice, ASSIGNEE_EFFECTS, assigneeChoices } from './assignees';

interface AssigneeSelectProps {
  account: { id: number; name: string };
  /** The chosen choice's key; '' while none is chosen. */
  value: string;
  onChange: (choice: AssigneeChoice) => void;
  label?: string;
  /** A choice not offered, e.g. the assignment's current holder in a move. */
  exclude?: string;
  /** The API's message for the assignee fields. */
  error?: string;
}

/** Picks who holds an address: the account itself or one of its RADIUS accounts. */
export const AssigneeSelect = ({ account, value, onChange, label = 'Assign to', exclude, error }: AssigneeSelectProps) => {
  const { data: radiusAccounts = [], isPending } = useRadiusAccounts(account.id);
  const choices = assigneeChoices(account.name, radiusAccounts).filter((choice) => choice.key !== exclude);
  const chosen = choices.find((choice) => choice.key === value);
  return (
    <TextField
      select
      fullWidth
      margin="normal"
      label={label}
      // Until the RADIUS accounts load, a preselected one is not among the options yet.
      value={chosen ? value : ''}
      onChange={(event) => {
        const choice = choices.find((c) => c.key === event.target.value);
        if (choice) onChange(choice);
      }}
      error={Boolean(error)}
      helperText={error ?? (chosen ? ASSIGNEE_EFFECTS[chosen.assignee] : isPending ? 'Loading the RADIUS accounts…' : ' ')}
    >
      {choices.map((choice) => (
        <MenuItem key={choice.key} value={choice.key}>
          {choice.label}
        </MenuItem>
      ))}
    </TextField>
  );
};
