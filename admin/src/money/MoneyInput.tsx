import { TextInput, type TextInputProps, type Validator } from 'react-admin';
import { minorUnitsToInput, moneyInputError, parseMoneyInput } from './parseMoneyInput';

/**
 * A react-admin input for an amount in minor units, typed in major units. The
 * form keeps the text as typed ("12.3" stays "12.3" while typing); turn it into
 * minor units with moneyFormValue in the form's transform.
 */
export const MoneyInput = ({ validate, allowNegative, ...props }: TextInputProps & { allowNegative?: boolean }) => {
  const checkMoney: Validator = (value: unknown) =>
    value === null || value === undefined || value === '' || typeof value === 'number'
      ? undefined
      : moneyInputError(String(value), { allowNegative });
  return (
    <TextInput
      {...props}
      format={(value: unknown) => (typeof value === 'number' ? minorUnitsToInput(value) : ((value as string | null | undefined) ?? ''))}
      parse={(text: string) => text}
      validate={[...(Array.isArray(validate) ? validate : validate ? [validate] : []), checkMoney]}
      slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
    />
  );
};

/** A MoneyInput's form value in minor units; null when blank. Throws on text that is not an amount. */
export const moneyFormValue = (value: unknown, options: { allowNegative?: boolean } = {}): number | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  return parseMoneyInput(String(value), options);
};
