import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { PoolAddressFields, poolAddressInput, usePoolAddress } from './PoolAddressFields';

/** Where an address comes from: a pool's next free one, or one the clerk types; a dialog may offer more. */
export type AddressSource = 'pool' | 'address';

export interface AddressSourceOption<S extends string> {
  value: S;
  label: string;
}

export const POOL_SOURCE = { value: 'pool', label: 'From a pool' } as const;
export const ADDRESS_SOURCE = { value: 'address', label: 'A particular address' } as const;

/** The source chosen, the pool (and the address Next free holds in it), and the address typed. */
export const useAddressChoice = <S extends string>() => {
  const [source, setSource] = useState<S | AddressSource>('pool');
  const poolAddress = usePoolAddress();
  const [address, setAddress] = useState('');
  return { source, setSource, poolAddress, address, setAddress };
};

export type AddressChoice<S extends string> = ReturnType<typeof useAddressChoice<S>>;

/** The request's part for the address: the pool (and the held address), or the address typed; nothing for another source. */
export const addressChoiceInput = <S extends string>({
  source,
  poolAddress,
  address,
}: AddressChoice<S>): { poolId?: number; address?: string } => ({
  ...(source === 'pool' ? poolAddressInput(poolAddress) : {}),
  ...(source === 'address' ? { address: address.trim() } : {}),
});

/** Not to be sent yet: no pool chosen, no address typed, or Next free still asking. */
export const addressChoicePending = <S extends string>({ source, poolAddress, address }: AddressChoice<S>): boolean =>
  (source === 'pool' && poolAddress.pool === null) || (source === 'address' && !address.trim()) || poolAddress.holding;

interface AddressChoiceFieldsProps<S extends string> {
  /** The radio group's id, for its label. */
  id: string;
  label: string;
  options: AddressSourceOption<S | AddressSource>[];
  choice: AddressChoice<S>;
  errors: Record<string, string>;
}

/** Which source, then the pool and its next free address, or the address typed. */
export const AddressChoiceFields = <S extends string>({ id, label, options, choice, errors }: AddressChoiceFieldsProps<S>) => (
  <>
    <FormControl sx={{ mt: 1 }}>
      <FormLabel id={id}>{label}</FormLabel>
      <RadioGroup
        row
        aria-labelledby={id}
        value={choice.source}
        onChange={(event) => choice.setSource(event.target.value as S | AddressSource)}
      >
        {options.map((option) => (
          <FormControlLabel key={option.value} value={option.value} control={<Radio size="small" />} label={option.label} />
        ))}
      </RadioGroup>
    </FormControl>
    {choice.source === 'pool' ? <PoolAddressFields state={choice.poolAddress} errors={errors} /> : null}
    {choice.source === 'address' ? (
      <TextField
        fullWidth
        margin="normal"
        label="Address"
        value={choice.address}
        onChange={(event) => choice.setAddress(event.target.value)}
        placeholder="100.64.8.23"
        autoComplete="off"
        slotProps={{ htmlInput: { maxLength: 50 } }}
        error={Boolean(errors.address ?? errors.subnetId)}
        helperText={errors.address ?? errors.subnetId ?? 'Any free address inside a subnet of the address plan.'}
      />
    ) : null}
  </>
);
