import { maxLength, required, TextInput } from 'react-admin';

/** Create: name, network and description; edit: the network is fixed, as subnets are carved from it. */
export const SupernetInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} />
    <TextInput
      source="network"
      label="Network (CIDR)"
      disabled={!isCreate}
      validate={isCreate ? [required(), maxLength(50)] : undefined}
      helperText={isCreate ? 'e.g. 100.64.0.0/10 or 2001:db8::/32; the host bits must be zero' : 'Fixed once created'}
    />
    <TextInput source="description" multiline minRows={2} validate={maxLength(500)} />
  </>
);
