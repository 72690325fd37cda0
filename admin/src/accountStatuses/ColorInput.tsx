import Box from '@mui/material/Box';
import type { ChangeEvent } from 'react';
import { TextInput, regex, required, useInput } from 'react-admin';

const HEX = /^#[0-9a-fA-F]{6}$/;

/** The native colour picker, bound to the same form value as the hex text input beside it. */
const ColorSwatch = ({ source }: { source: string }) => {
  const { field } = useInput({ source });
  const value = typeof field.value === 'string' && HEX.test(field.value) ? field.value : '#000000';
  return (
    <Box
      component="input"
      type="color"
      aria-label="Pick a colour"
      value={value.toLowerCase()}
      onChange={(event: ChangeEvent<HTMLInputElement>) => field.onChange(event.target.value)}
      sx={{ width: 48, height: 40, p: 0, border: 'none', background: 'none', cursor: 'pointer', mt: 1 }}
    />
  );
};

export const ColorInput = ({ source }: { source: string }) => (
  <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
    <ColorSwatch source={source} />
    <TextInput
      source={source}
      label="Colour (hex)"
      helperText="#rrggbb"
      parse={(value: string) => value.trim().toLowerCase()}
      validate={[required(), regex(HEX, 'Use the form #rrggbb, e.g. #2e7d32')]}
    />
  </Box>
);
