import { FixedAddressInput, PlanDescriptionInput, PlanNameInput } from '../planInputs';

/** Create: name, network and description; edit: the network is fixed, as subnets are carved from it. */
export const SupernetInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <PlanNameInput />
    <FixedAddressInput
      source="network"
      label="Network (CIDR)"
      isCreate={isCreate}
      hint="e.g. 100.64.0.0/10 or 2001:db8::/32; the host bits must be zero"
    />
    <PlanDescriptionInput />
  </>
);
