import TextField, { type TextFieldProps } from '@mui/material/TextField';

type DateTextFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'type'> & {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (value: string) => void;
};

/** A calendar date of the ledger, kept as YYYY-MM-DD text (never a Date, so no time zone can shift it). */
export const DateTextField = ({ value, onChange, ...rest }: DateTextFieldProps) => (
  <TextField
    {...rest}
    type="date"
    value={value}
    onChange={(event) => onChange(event.target.value)}
    slotProps={{ inputLabel: { shrink: true } }}
  />
);
