import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { generatePassword } from './password';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  helperText?: string;
  required?: boolean;
}

/** A password typed or generated, hidden unless asked; a generated one is shown, for the clerk to pass on. */
export const PasswordField = ({ label, value, onChange, error, helperText, required }: PasswordFieldProps) => {
  const [shown, setShown] = useState(false);
  return (
    <TextField
      fullWidth
      margin="normal"
      label={label}
      type={shown ? 'text' : 'password'}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete="new-password"
      required={required}
      error={Boolean(error)}
      helperText={error ?? helperText ?? ' '}
      slotProps={{
        htmlInput: { maxLength: 128, spellCheck: false },
        input: {
          sx: { fontFamily: shown ? 'monospace' : undefined },
          endAdornment: (
            <InputAdornment position="end">
              <Tooltip title={shown ? 'Hide password' : 'Show password'}>
                <IconButton aria-label={shown ? 'Hide password' : 'Show password'} onClick={() => setShown(!shown)} edge="end" size="small">
                  {shown ? <VisibilityOffIcon fontSize="small" /> : <VisibilityIcon fontSize="small" />}
                </IconButton>
              </Tooltip>
              <Button
                size="small"
                sx={{ ml: 1 }}
                onClick={() => {
                  onChange(generatePassword());
                  setShown(true);
                }}
              >
                Generate
              </Button>
            </InputAdornment>
          ),
        },
      }}
    />
  );
};
