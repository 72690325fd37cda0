import { ArrayInput, BooleanInput, maxLength, maxValue, minValue, NumberInput, required, SimpleFormIterator, TextInput } from 'react-admin';
import { ReferenceSearchInput } from '../../common';

/**
 * The manufacturer, the name, how many MAC addresses each unit has, and the fields. Items keep the
 * MAC addresses they were given, so the API refuses a MAC count below what an item of the model has;
 * removing a field deletes its values on every item of the model.
 */
export const ModelInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <ReferenceSearchInput
      source="manufacturerId"
      reference="inventory-manufacturers"
      label="Manufacturer"
      validate={required()}
      helperText={isCreate ? undefined : 'The items of the model move with it'}
      minWidth={320}
    />
    <TextInput source="name" validate={[required(), maxLength(100)]} />
    <NumberInput
      source="macCount"
      label="MAC addresses per item"
      min={0}
      max={16}
      step={1}
      validate={[required(), minValue(0), maxValue(16)]}
      helperText={
        isCreate
          ? 'From 0 to 16: each item is given that many when it is added'
          : 'From 0 to 16, for items added from now on; never fewer than an item of the model has'
      }
    />
    <BooleanInput source="serialRequired" label="Serial number required" helperText="Every item of the model must have one" />
    <ArrayInput
      source="fields"
      label="Fields of its own"
      helperText="Asked for on every item of the model, e.g. firmware or a Wi-Fi key. Removing a field deletes its values on every item."
    >
      <SimpleFormIterator inline disableReordering>
        <TextInput source="name" label="Field name" validate={[required(), maxLength(60)]} helperText={false} />
        <BooleanInput source="required" label="Required" helperText={false} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);
