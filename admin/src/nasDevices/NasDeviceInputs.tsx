import {
  BooleanInput,
  maxLength,
  maxValue,
  minLength,
  minValue,
  NumberInput,
  PasswordInput,
  regex,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { NAS_TYPE_CHOICES } from './nasTypes';

const printable = regex(/^[\x21-\x7e]+$/, 'Letters, digits and punctuation only, without spaces');

/** The fields of both forms; the shared secret is written only, never shown back. */
export const NasDeviceInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} />
    <TextInput source="address" validate={[required(), maxLength(50)]} helperText="The address the NAS sends RADIUS requests from" />
    <PasswordInput
      source="secret"
      label="Shared secret"
      autoComplete="new-password"
      validate={isCreate ? [required(), minLength(8), maxLength(128), printable] : [minLength(8), maxLength(128), printable]}
      helperText={
        isCreate ? 'At least 8 characters; set the same on the NAS' : 'Leave empty to keep the current secret; it is never shown back'
      }
    />
    <SelectInput source="nasType" label="Type" choices={NAS_TYPE_CHOICES} validate={required()} />
    <NumberInput
      source="coaPort"
      label="CoA port"
      validate={[required(), minValue(1), maxValue(65535)]}
      helperText="Where it listens for change-of-authorisation and disconnect requests"
    />
    <BooleanInput
      source="disconnectToLimit"
      label="Disconnect to apply a new speed"
      helperText="For a NAS that cannot change a live session: the session is ended and reconnects with the new speed"
    />
    <TextInput source="description" multiline minRows={2} validate={maxLength(200)} />
  </>
);
