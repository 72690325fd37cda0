import { AutocompleteInput, maxLength, ReferenceInput, required, TextInput } from 'react-admin';
import { searchByName } from '../../common';

/** Create: the subnet and the range; edit: only the name and the description change. */
export const PoolInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <ReferenceInput source="subnetId" reference="ip-subnets" sort={{ field: 'network', order: 'ASC' }}>
      <AutocompleteInput
        label="Subnet"
        optionText={(s: { name: string; network: string }) => `${s.name} (${s.network})`}
        filterToQuery={searchByName}
        validate={isCreate ? required() : undefined}
        disabled={!isCreate}
        sx={{ minWidth: 320 }}
      />
    </ReferenceInput>
    <TextInput source="name" validate={[required(), maxLength(100)]} />
    <TextInput
      source="firstAddress"
      label="First address"
      disabled={!isCreate}
      validate={isCreate ? [required(), maxLength(50)] : undefined}
      helperText={isCreate ? 'Inside the subnet, e.g. 100.64.8.10' : 'Fixed once created'}
    />
    <TextInput
      source="lastAddress"
      label="Last address"
      disabled={!isCreate}
      validate={isCreate ? [required(), maxLength(50)] : undefined}
      helperText={isCreate ? 'The network, broadcast and gateway addresses in the range are never handed out' : 'Fixed once created'}
    />
    <TextInput source="description" multiline minRows={2} validate={maxLength(500)} />
  </>
);
