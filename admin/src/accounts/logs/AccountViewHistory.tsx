import { Datagrid, FunctionField, List, TextField } from 'react-admin';
import type { ViewHistoryEntry } from '../../types';
import { RelativeTime } from '../RelativeTime';

/** Who opened the account page, and when. */
export const AccountViewHistory = ({ accountId }: { accountId: number }) => (
  <List
    resource="view-history"
    filter={{ entityType: 'account', entityId: String(accountId) }}
    sort={{ field: 'viewedAt', order: 'DESC' }}
    perPage={25}
    disableSyncWithLocation
    storeKey={false}
    exporter={false}
    actions={false}
    title={false}
    empty={false}
  >
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <FunctionField<ViewHistoryEntry> source="viewedAt" label="When" render={(entry) => <RelativeTime value={entry.viewedAt} />} />
      <TextField source="userEmail" label="Who" sortable={false} />
    </Datagrid>
  </List>
);
