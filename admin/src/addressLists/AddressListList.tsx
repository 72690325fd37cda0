import Box from '@mui/material/Box';
import {
  ChipField,
  DateField,
  type Exporter,
  FunctionField,
  NumberField,
  ReferenceArrayField,
  SelectInput,
  SingleFieldList,
  TextField,
} from 'react-admin';
import { SettingsList } from '../common';
import { downloadRows } from '../correspondence/csv';
import { Permissions } from '../permissions';
import { type AddressList, LIST_ACCOUNTS_CHOICES, LIST_ACCOUNTS_LABELS } from './types';

const exporter: Exporter<AddressList> = (lists) =>
  downloadRows(
    'address-lists',
    ['id', 'name', 'accounts', 'status_ids', 'entries', 'description', 'updated_at'],
    lists.map((l) => [l.id, l.name, l.accounts, l.statusIds.join(' '), l.entryCount, l.description, l.updatedAt]),
  );

const filters = [<SelectInput key="accounts" source="accounts" label="Addresses of" choices={LIST_ACCOUNTS_CHOICES} />];

/** The lists of addresses routers fetch to treat some subscribers apart, e.g. to redirect delinquent ones to the payment page. */
export const AddressListList = () => (
  <SettingsList<AddressList>
    title="Address lists"
    permission={Permissions.NetworkConfigure}
    search="Name or description"
    filters={filters}
    exporter={exporter}
  >
    <FunctionField<AddressList>
      source="name"
      label="Name"
      render={(list) => (
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {list.name}
        </Box>
      )}
    />
    <FunctionField<AddressList>
      source="accounts"
      label="Addresses of"
      render={(list) =>
        list.accounts === 'statuses' ? (
          <ReferenceArrayField source="statusIds" reference="account-statuses">
            <SingleFieldList linkType={false}>
              <ChipField source="name" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        ) : (
          LIST_ACCOUNTS_LABELS[list.accounts]
        )
      }
    />
    <NumberField source="entryCount" label="Entries" sortable={false} />
    <TextField source="description" sortable={false} />
    <DateField source="updatedAt" label="Changed" showTime />
  </SettingsList>
);
