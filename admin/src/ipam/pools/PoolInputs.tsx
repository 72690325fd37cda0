import { FixedAddressInput, PlanDescriptionInput, PlanNameInput, PlanParentInput } from '../planInputs';

/** Create: the subnet and the range; edit: only the name and the description change. */
export const PoolInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <PlanParentInput source="subnetId" reference="ip-subnets" label="Subnet" isCreate={isCreate} />
    <PlanNameInput />
    <FixedAddressInput source="firstAddress" label="First address" isCreate={isCreate} hint="Inside the subnet, e.g. 100.64.8.10" />
    <FixedAddressInput
      source="lastAddress"
      label="Last address"
      isCreate={isCreate}
      hint="The network, broadcast and gateway addresses in the range are never handed out"
    />
    <PlanDescriptionInput />
  </>
);
