import { maxLength, required, TextInput } from 'react-admin';
import { ReferenceSearchInput } from '../common';
import { planLabel } from './planLabel';

/** What a pool or a subnet sits in: chosen when it is made, fixed once created. */
export const PlanParentInput = ({
  source,
  reference,
  label,
  isCreate,
}: {
  source: string;
  reference: 'ip-supernets' | 'ip-subnets';
  label: string;
  isCreate: boolean;
}) => (
  <ReferenceSearchInput
    source={source}
    reference={reference}
    label={label}
    optionText={planLabel}
    sortField="network"
    validate={isCreate ? required() : undefined}
    disabled={!isCreate}
    minWidth={320}
  />
);

/** An address or a network of the plan: typed when it is made (`hint` says how), fixed once created. */
export const FixedAddressInput = ({
  source,
  label,
  isCreate,
  hint,
}: {
  source: string;
  label: string;
  isCreate: boolean;
  hint: string;
}) => (
  <TextInput
    source={source}
    label={label}
    disabled={!isCreate}
    validate={isCreate ? [required(), maxLength(50)] : undefined}
    helperText={isCreate ? hint : 'Fixed once created'}
  />
);

/** The name every record of the plan has. */
export const PlanNameInput = () => <TextInput source="name" validate={[required(), maxLength(100)]} />;
/** The description every record of the plan may have. */
export const PlanDescriptionInput = () => <TextInput source="description" multiline minRows={2} validate={maxLength(500)} />;
