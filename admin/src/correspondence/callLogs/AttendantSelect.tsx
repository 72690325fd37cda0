import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useGetList } from 'react-admin';

interface StaffUserOption {
  id: number;
  name: string;
  email: string;
}

interface AttendantSelectProps {
  label: string;
  value: number | null;
  onChange: (userId: number | null) => void;
  /** Shown for a user who is no longer in the active list (e.g. the attendant of an old call). */
  currentName?: string | null;
  allowNone?: boolean;
}

/** Active staff users by name; only rendered for those who may read users. */
export const AttendantSelect = ({ label, value, onChange, currentName, allowNone }: AttendantSelectProps) => {
  const { data: users = [] } = useGetList<StaffUserOption>('users', {
    filter: { active: true },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const known = value === null || users.some((user) => user.id === value);
  return (
    <TextField
      select
      fullWidth
      margin="normal"
      label={label}
      value={value === null ? '' : String(value)}
      onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
    >
      {allowNone ? (
        <MenuItem value="">
          <em>Nobody</em>
        </MenuItem>
      ) : null}
      {!known && value !== null ? <MenuItem value={String(value)}>{currentName ?? `User ${value}`}</MenuItem> : null}
      {users.map((user) => (
        <MenuItem key={user.id} value={String(user.id)}>
          {user.name}
        </MenuItem>
      ))}
    </TextField>
  );
};
