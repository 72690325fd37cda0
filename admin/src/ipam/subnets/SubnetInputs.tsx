import { AutocompleteInput, maxLength, ReferenceInput, required, TextInput } from 'react-admin';
import { searchByName } from '../../common';

/** Create: where it sits and its network; edit: only the name, the gateway and the description change. */
export const SubnetInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <ReferenceInput source="supernetId" reference="ip-supernets" sort={{ field: 'network', order: 'ASC' }}>
      <AutocompleteInput
        label="Supernet"
        optionText={(s: { name: string; network: string }) => `${s.name} (${s.network})`}
        filterToQuery={searchByName}
        validate={isCreate ? required() : undefined}
        disabled={!isCreate}
        sx={{ minWidth: 320 }}
      />
    </ReferenceInput>
    <TextInput source="name" validate={[required(), maxLength(100)]} />
    <TextInput
      source="network"
      label="Network (CIDR)"
      disabled={!isCreate}
      validate={isCreate ? [required(), maxLength(50)] : undefined}
      helperText={isCreate ? 'Inside the supernet, e.g. 100.64.8.0/22; the host bits must be zero' : 'Fixed once created'}
    />
    <TextInput
      source="gateway"
      validate={maxLength(50)}
      helperText="The router's address on the subnet: never given to a host. Leave empty for none."
    />
    <TextInput source="description" multiline minRows={2} validate={maxLength(500)} />
  </>
);
