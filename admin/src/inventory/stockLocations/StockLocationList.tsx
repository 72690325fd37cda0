import { Datagrid, EditButton, FunctionField, List, SearchInput, TextField } from 'react-admin';
import { Link } from 'react-router-dom';
import { SettingsListActions } from '../../common';
import { filteredListPath } from '../../ipam/planPayload';
import type { StockLocation } from '../../network/types';
import { Permissions, useHasPermission } from '../../permissions';

/** Where equipment is kept until it is deployed; the count opens the items kept there. */
export const StockLocationList = () => {
  const canConfigure = useHasPermission(Permissions.NetworkConfigure);
  return (
    <List
      title="Stock locations"
      filters={[<SearchInput key="q" source="q" placeholder="Name" alwaysOn />]}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      actions={<SettingsListActions permission={Permissions.NetworkConfigure} />}
      exporter={false}
    >
      <Datagrid bulkActionButtons={false} rowClick={canConfigure ? 'edit' : false}>
        <TextField source="name" />
        <TextField source="description" sortable={false} />
        <FunctionField<StockLocation>
          label="Items"
          sortable={false}
          textAlign="right"
          render={(location) => (
            <Link
              to={filteredListPath('inventory-items', { stockLocationId: location.id })}
              onClick={(event) => event.stopPropagation()}
              aria-label={`${location.itemCount} items at ${location.name}`}
            >
              {location.itemCount}
            </Link>
          )}
        />
        {canConfigure ? <EditButton /> : null}
      </Datagrid>
    </List>
  );
};
