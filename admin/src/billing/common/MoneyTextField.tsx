import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { moneyInputError } from '../../money';

type MoneyTextFieldProps = Omit<TextFieldProps, 'value' | 'onChange'> & {
  /** Major units as typed, e.g. "12.34". */
  value: string;
  onChange: (value: string) => void;
  /** Blank is allowed (an optional amount). */
  optional?: boolean;
  allowNegative?: boolean;
};

/** A money amount typed in major units; the text is turned into cents by parseMoneyInput when sent. */
export const MoneyTextField = ({ value, onChange, optional, allowNegative, helperText, error, ...rest }: MoneyTextFieldProps) => {
  const problem = value.trim() === '' ? undefined : moneyInputError(value, { allowNegative });
  return (
    <TextField
      {...rest}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={Boolean(problem) || Boolean(error)}
      helperText={problem ?? helperText}
      required={!optional}
      slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
    />
  );
};

/** True when the text is an amount the API can take (or blank and optional). */
export const isMoneyText = (value: string, options: { optional?: boolean; allowNegative?: boolean } = {}): boolean =>
  value.trim() === '' ? Boolean(options.optional) : moneyInputError(value, options) === undefined;
