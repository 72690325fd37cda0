import Box from '@mui/material/Box';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useAccountItems, useUninventoriedMacs } from '../inventory/useAccountInventory';
import { useRadiusAccounts } from '../radius/useRadiusAccounts';
import { type AssigneeChoice, ASSIGNEE_EFFECTS, assigneeGroups } from './assignees';

interface AssigneeSelectProps {
  account: { id: number; name: string };
  /** The chosen choice's key; '' while none is chosen. */
  value: string;
  onChange: (choice: AssigneeChoice) => void;
  label?: string;
  /** A choice not offered, e.g. the assignment's current holder in a move. */
  exclude?: string;
  /** MAC addresses are offered (not for a whole subnet, which only the account or a RADIUS account can hold). */
  macs?: boolean;
  /** The API's message for the assignee fields. */
  error?: string;
}

/**
 * Picks who holds an address: the account itself, one of its RADIUS accounts, a MAC address of an
 * item deployed there or one of its uninventoried MAC addresses, under a heading each.
 */
export const AssigneeSelect = ({ account, value, onChange, label = 'Assign to', exclude, macs = true, error }: AssigneeSelectProps) => {
  const radius = useRadiusAccounts(account.id);
  const items = useAccountItems(account.id);
  const loose = useUninventoriedMacs(account.id);
  const loading = radius.isPending || items.isPending || loose.isPending;
  const groups = assigneeGroups(account.name, radius.data?.rows ?? [], macs ? (items.data ?? []) : [], macs ? (loose.data ?? []) : [])
    .map((group) => ({ ...group, choices: group.choices.filter((choice) => choice.key !== exclude) }))
    .filter((group) => group.choices.length > 0);
  const choices = groups.flatMap((group) => group.choices);
  const chosen = choices.find((choice) => choice.key === value);
  return (
    <TextField
      select
      fullWidth
      margin="normal"
      label={label}
      // Until the assignees load, a preselected one is not among the options yet.
      value={chosen ? value : ''}
      onChange={(event) => {
        const choice = choices.find((c) => c.key === event.target.value);
        if (choice) onChange(choice);
      }}
      error={Boolean(error)}
      helperText={error ?? (chosen ? ASSIGNEE_EFFECTS[chosen.assignee] : loading ? 'Loading who can hold it…' : ' ')}
      slotProps={{ select: { renderValue: (key) => choices.find((c) => c.key === key)?.label ?? '' } }}
    >
      {groups.flatMap((group) => [
        <ListSubheader key={`group:${group.title}`}>{group.title}</ListSubheader>,
        ...group.choices.map((choice) => (
          <MenuItem key={choice.key} value={choice.key}>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                {choice.label}
              </Typography>
              {choice.detail ? (
                <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
                  {choice.detail}
                </Typography>
              ) : null}
            </Box>
          </MenuItem>
        )),
      ])}
    </TextField>
  );
};
