import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  BooleanField,
  Datagrid,
  EditButton,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  TextField,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { searchByName, SettingsListActions } from '../../common';
import { filteredListPath } from '../../ipam/planPayload';
import type { InventoryModel } from '../../network/types';
import { Permissions, useHasPermission } from '../../permissions';

const filters = [
  <SearchInput key="q" source="q" placeholder="Name" alwaysOn />,
  <ReferenceInput
    key="manufacturerId"
    source="manufacturerId"
    reference="inventory-manufacturers"
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn
  >
    <AutocompleteInput label="Manufacturer" optionText="name" filterToQuery={searchByName} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

/** "Firmware*, Wi-Fi key": the model's own fields, the required ones starred. */
const FieldNames = ({ model }: { model: InventoryModel }) =>
  model.fields.length === 0 ? (
    <Typography variant="body2" color="text.secondary" component="span">
      None
    </Typography>
  ) : (
    <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
      {model.fields.map((field) => `${field.name}${field.required ? '*' : ''}`).join(', ')}
    </Box>
  );

/** The models of equipment, with how many MAC addresses each unit has and the fields of their own. */
export const ModelList = () => {
  const canConfigure = useHasPermission(Permissions.NetworkConfigure);
  return (
    <List
      title="Inventory models"
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      actions={<SettingsListActions permission={Permissions.NetworkConfigure} />}
      exporter={false}
    >
      <Datagrid bulkActionButtons={false} rowClick={canConfigure ? 'edit' : false}>
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
        {canConfigure ? <EditButton /> : null}
      </Datagrid>
    </List>
  );
};
