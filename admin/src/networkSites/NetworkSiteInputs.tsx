import Stack from '@mui/material/Stack';
import { maxLength, maxValue, minValue, NumberInput, required, TextInput } from 'react-admin';
import { formatFrequency, FREQUENCY_UNITS, HEIGHT_UNITS, parseNumberList } from '../elevation/units';

/** A list field shows as "30, 45"; what is typed stays text until the form is sent. */
const asText = (format: (n: number) => string) => (value: unknown) =>
  Array.isArray(value) ? value.map((n) => format(Number(n))).join(', ') : ((value as string | undefined) ?? '');

const listRule =
  (units: Record<string, number>, min: number, max: number, what: string) =>
  (value: unknown): string | undefined => {
    if (Array.isArray(value)) return value.length ? undefined : `Give at least one ${what}`;
    const parsed = parseNumberList(String(value ?? ''), units);
    if (!parsed || parsed.length === 0) return `Give one or more ${what}s, separated by commas`;
    if (parsed.some((n) => n < min || n > max)) return `Each ${what} must be between ${min} and ${max}`;
    if (new Set(parsed).size !== parsed.length) return `Each ${what} once`;
    if (parsed.length > 10) return `At most ten ${what}s`;
    return undefined;
  };

/** The fields of both site forms. */
export const NetworkSiteInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} />
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <NumberInput source="latitude" validate={[required(), minValue(-90), maxValue(90)]} helperText="Degrees north, e.g. 39.8012" />
      <NumberInput source="longitude" validate={[required(), minValue(-180), maxValue(180)]} helperText="Degrees east, e.g. -89.6401" />
    </Stack>
    <NumberInput
      source="groundElevationM"
      label="Ground elevation (m)"
      validate={[minValue(-500), maxValue(9000)]}
      helperText="Surveyed height above sea level; leave empty to read it from the terrain tiles"
    />
    <TextInput
      source="antennaHeightsM"
      label="Antenna heights (m)"
      format={asText((n) => String(n))}
      parse={(text: string) => text}
      validate={[required(), listRule(HEIGHT_UNITS, 0, 500, 'height')]}
      helperText="Above the ground, comma separated: 30, 45"
    />
    <TextInput
      source="frequenciesMhz"
      label="Frequency bands"
      format={asText(formatFrequency)}
      parse={(text: string) => text}
      validate={[required(), listRule(FREQUENCY_UNITS, 1, 100_000, 'band')]}
      helperText="In MHz or GHz, comma separated: 5.8 GHz, 3650 MHz"
    />
    <TextInput source="description" multiline minRows={2} validate={maxLength(255)} />
  </>
);
