import { FunctionField, TextField } from 'react-admin';
import { Link } from 'react-router-dom';
import { filteredListPath, SettingsList } from '../../common';
import type { StockLocation } from '../../network/types';
import { Permissions } from '../../permissions';

/** Where equipment is kept until it is deployed; the count opens the items kept there. */
export const StockLocationList = () => (
  <SettingsList<StockLocation> title="Stock locations" permission={Permissions.NetworkConfigure} search="Name" editButton>
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
  </SettingsList>
);
