import InputAdornment from '@mui/material/InputAdornment';
import { TextInput, type TextInputProps, type Validator } from 'react-admin';
import { parseRatePercent, rateE4ToInput, ratePercentError } from './rateE4';

/**
 * A rate stored as rateE4, typed as a percent with up to four decimals. The form
 * keeps the text; turn it into rateE4 with rateFormValue in the form's transform.
 */
export const RateInput = ({ validate, ...props }: TextInputProps) => {
  const checkRate: Validator = (value: unknown) =>
    value === null || value === undefined || value === '' || typeof value === 'number' ? undefined : ratePercentError(String(value));
  return (
    <TextInput
      {...props}
      format={(value: unknown) => (typeof value === 'number' ? rateE4ToInput(value) : ((value as string | null | undefined) ?? ''))}
      parse={(text: string) => text}
      validate={[...(Array.isArray(validate) ? validate : validate ? [validate] : []), checkRate]}
      slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { endAdornment: <InputAdornment position="end">%</InputAdornment> } }}
    />
  );
};

/** A RateInput's form value as rateE4. */
export const rateFormValue = (value: unknown): number => (typeof value === 'number' ? value : parseRatePercent(String(value ?? '')));
