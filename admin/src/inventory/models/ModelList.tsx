import Box from '@mui/material/Box';
import { BooleanField, FunctionField, TextField } from 'react-admin';
import { Link } from 'react-router-dom';
import { filteredListPath, NoneText, ReferenceSearchInput, SettingsList } from '../../common';
import type { InventoryModel } from '../../network/types';
import { Permissions } from '../../permissions';

const filters = [
  <ReferenceSearchInput
    key="manufacturerId"
    source="manufacturerId"
    reference="inventory-manufacturers"
    label="Manufacturer"
    minWidth={220}
    alwaysOn
  />,
];

/** "Firmware*, Wi-Fi key": the model's own fields, the required ones starred. */
const FieldNames = ({ model }: { model: InventoryModel }) =>
  model.fields.length === 0 ? (
    <NoneText />
  ) : (
    <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
      {model.fields.map((field) => `${field.name}${field.required ? '*' : ''}`).join(', ')}
    </Box>
  );

/** The models of equipment, with how many MAC addresses each unit has and the fields of their own. */
export const ModelList = () => (
  <SettingsList<InventoryModel>
    title="Inventory models"
    permission={Permissions.NetworkConfigure}
    search="Name"
    filters={filters}
    editButton
  >
    <TextField source="name" />
    <TextField source="manufacturerName" label="Manufacturer" sortable={false} />
    <FunctionField<InventoryModel> label="MAC addresses" sortable={false} textAlign="right" render={(m) => m.macCount} />
    <BooleanField source="serialRequired" label="Serial required" sortable={false} />
    <FunctionField<InventoryModel> label="Fields (* required)" sortable={false} render={(m) => <FieldNames model={m} />} />
    <FunctionField<InventoryModel>
      label="Items"
      sortable={false}
      textAlign="right"
      render={(m) => (
        <Link
          to={filteredListPath('inventory-items', { modelId: m.id })}
          onClick={(event) => event.stopPropagation()}
          aria-label={`${m.itemCount} items of ${m.name}`}
        >
          {m.itemCount}
        </Link>
      )}
    />
  </SettingsList>
);
