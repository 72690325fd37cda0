import TextField from '@mui/material/TextField';

/** What the API takes for a description of an assignment or a MAC address. */
export const DESCRIPTION_MAX_LENGTH = 200;

interface DescriptionFieldProps {
  value: string;
  onChange: (value: string) => void;
  label?: string;
  /** The API's message for the field. */
  error?: string;
  autoFocus?: boolean;
  /** Said after the count of characters, e.g. how to clear it. */
  hint?: string;
}

/** A free description, with how much of its length is used. */
export const DescriptionField = ({ value, onChange, label = 'Description (optional)', error, autoFocus, hint }: DescriptionFieldProps) => (
  <TextField
    fullWidth
    autoFocus={autoFocus}
    margin="normal"
    label={label}
    value={value}
    onChange={(event) => onChange(event.target.value)}
    slotProps={{ htmlInput: { maxLength: DESCRIPTION_MAX_LENGTH } }}
    error={Boolean(error)}
    helperText={error ?? `${value.length}/${DESCRIPTION_MAX_LENGTH}${hint ? `. ${hint}` : ''}`}
  />
);
