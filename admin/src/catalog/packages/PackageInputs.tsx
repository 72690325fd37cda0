import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  maxLength,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { searchByName } from '../../common';
import { MoneyInput } from '../../money';
import type { CatalogService } from '../../types';
import { SERVICE_KIND_LABELS } from '../ServiceKindChip';

const serviceOption = (service: CatalogService) => `${service.name} (${SERVICE_KIND_LABELS[service.kind]})`;

/** A package: a name and the recurring services in it, each with a quantity and a price inside the package. */
export const PackageInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(120)]} />
    <BooleanInput source="active" defaultValue />
    <ArrayInput source="items" label="Services in the package" validate={required()}>
      <SimpleFormIterator inline disableReordering>
        <ReferenceInput source="serviceId" reference="services" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput
            label="Service"
            optionText={serviceOption}
            filterToQuery={searchByName}
            validate={required()}
            sx={{ minWidth: 280 }}
          />
        </ReferenceInput>
        <NumberInput source="quantity" step={1} defaultValue={1} validate={[required(), minValue(1)]} />
        <MoneyInput source="price" label="Unit price in the package" helperText="Blank: the service price" />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);
