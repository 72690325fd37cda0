import { NumberField, TextField } from 'react-admin';
import { filteredListPath, SettingsList } from '../../common';
import { Permissions } from '../../permissions';

/** Who makes the equipment; a row opens its models. */
export const ManufacturerList = () => (
  <SettingsList
    title="Inventory manufacturers"
    permission={Permissions.NetworkConfigure}
    search="Name"
    rowClick={(id) => filteredListPath('inventory-models', { manufacturerId: Number(id) })}
    editButton
  >
    <TextField source="name" />
    <NumberField source="modelCount" label="Models" sortable={false} />
  </SettingsList>
);
