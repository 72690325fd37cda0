import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { TextInput, maxLength, regex, required } from 'react-admin';

const LATITUDE = /^-?(90(\.0{1,6})?|[1-8]?\d(\.\d{1,6})?)$/;
const LONGITUDE = /^-?(180(\.0{1,6})?|(1[0-7]\d|[1-9]?\d)(\.\d{1,6})?)$/;

/** One address; coordinates stay decimal strings (up to six places), never numbers. */
export const AddressInputs = ({ source, title, withCoordinates = false }: { source: string; title: string; withCoordinates?: boolean }) => (
  <Stack component="fieldset" sx={{ border: 'none', p: 0, m: 0, width: '100%' }}>
    <Typography component="legend" variant="subtitle1" gutterBottom>
      {title}
    </Typography>
    <TextInput source={`${source}.line1`} label="Address line 1" validate={[required(), maxLength(200)]} />
    <TextInput source={`${source}.line2`} label="Address line 2" validate={maxLength(200)} />
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <TextInput source={`${source}.city`} label="City" validate={[required(), maxLength(100)]} />
      <TextInput source={`${source}.region`} label="Region" validate={maxLength(100)} />
      <TextInput source={`${source}.postcode`} label="Postcode" validate={[required(), maxLength(20)]} />
      <TextInput
        source={`${source}.country`}
        label="Country"
        helperText="Two letters, e.g. US"
        validate={[required(), regex(/^[A-Za-z]{2}$/, 'Use the two-letter country code, e.g. US')]}
      />
    </Stack>
    {withCoordinates ? (
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextInput
          source={`${source}.latitude`}
          label="Latitude"
          helperText="Decimal degrees, e.g. 39.781721"
          validate={regex(LATITUDE, 'A latitude from -90 to 90 with up to six decimals')}
        />
        <TextInput
          source={`${source}.longitude`}
          label="Longitude"
          helperText="Decimal degrees, e.g. -89.650148"
          validate={regex(LONGITUDE, 'A longitude from -180 to 180 with up to six decimals')}
        />
      </Stack>
    ) : null}
  </Stack>
);
