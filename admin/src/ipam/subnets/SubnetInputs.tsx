import { maxLength, TextInput } from 'react-admin';
import { FixedAddressInput, PlanDescriptionInput, PlanNameInput, PlanParentInput } from '../planInputs';

/** Create: where it sits and its network; edit: only the name, the gateway and the description change. */
export const SubnetInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <PlanParentInput source="supernetId" reference="ip-supernets" label="Supernet" isCreate={isCreate} />
    <PlanNameInput />
    <FixedAddressInput
      source="network"
      label="Network (CIDR)"
      isCreate={isCreate}
      hint="Inside the supernet, e.g. 100.64.8.0/22; the host bits must be zero"
    />
    <TextInput
      source="gateway"
      validate={maxLength(50)}
      helperText="The router's address on the subnet: never given to a host. Leave empty for none."
    />
    <PlanDescriptionInput />
  </>
);
