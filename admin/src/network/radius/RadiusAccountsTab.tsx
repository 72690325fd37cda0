import { useState } from 'react';
import { type Exporter, FunctionField, SearchInput, TextField } from 'react-admin';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { formatDate } from '../../accounts/formatting';
import { NoneText, type RowAction, RowActionsMenu } from '../../common';
import { downloadRows } from '../../correspondence/csv';
import { Permissions, useHasPermission } from '../../permissions';
import { ADD_IP_ASSIGNMENT, AssignIpDialog } from '../assignments/AssignIpDialog';
import { HeldAddresses } from '../common/HeldAddresses';
import { AddButton, SubTabCard } from '../common/SubTabCard';
import { SubTabList } from '../common/SubTabList';
import type { RadiusAccount } from '../types';
import { radiusAccountsResource } from '../useNetworkChanged';
import { DeleteRadiusAccountDialog } from './DeleteRadiusAccountDialog';
import { RadiusAccountDialog } from './RadiusAccountDialog';

type RadiusAccountAction = 'edit' | 'assign' | 'delete';

const ROW_ACTIONS: RowAction<RadiusAccountAction>[] = [
  { action: 'edit', label: 'Edit' },
  ADD_IP_ASSIGNMENT,
  { action: 'delete', label: 'Delete', destructive: true },
];

type DialogState = { action: RadiusAccountAction | 'add'; radiusAccount?: RadiusAccount } | null;

const filters = [<SearchInput key="q" source="q" placeholder="Username" alwaysOn />];

const exporterFor =
  (accountId: number): Exporter<RadiusAccount> =>
  (radiusAccounts) =>
    downloadRows(
      `radius-accounts-account-${accountId}`,
      ['id', 'username', 'ip_addresses', 'speed', 'created_at'],
      radiusAccounts.map((r) => [r.id, r.username, r.ipAddresses.join(' '), r.speed, r.createdAt]),
    );

/**
 * Network & Inventory › RADIUS Accounts: the account's PPPoE and hotspot logins, the addresses they
 * get and their speed; by username, searchable by it, exportable as CSV.
 */
export const RadiusAccountsTab = ({ account }: AccountTabProps) => {
  const canManage = useHasPermission(Permissions.NetworkManage);
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = () => setDialog(null);

  return (
    <SubTabCard
      title="RADIUS accounts"
      actions={canManage ? <AddButton label="Add RADIUS account" onClick={() => setDialog({ action: 'add' })} /> : null}
    >
      <SubTabList<RadiusAccount>
        resource={radiusAccountsResource(account.id)}
        filters={filters}
        sort={{ field: 'username', order: 'ASC' }}
        exporter={exporterFor(account.id)}
        label="RADIUS accounts"
        none="This account has no RADIUS accounts."
        noneMatching="No RADIUS account matches the search."
        rowLabel={(radius) => `RADIUS account ${radius.username}`}
      >
        <TextField source="username" label="Username" sx={{ overflowWrap: 'anywhere' }} />
        <FunctionField<RadiusAccount>
          label="Addresses"
          sortable={false}
          render={(radius) => <HeldAddresses addresses={radius.ipAddresses} />}
        />
        <FunctionField<RadiusAccount>
          label="Speed (down/up)"
          sortable={false}
          render={(radius) => radius.speed ?? <NoneText>No data service</NoneText>}
        />
        <FunctionField<RadiusAccount> source="createdAt" label="Created" render={(radius) => formatDate(radius.createdAt)} />
        {canManage ? (
          <FunctionField<RadiusAccount>
            label="Actions"
            textAlign="right"
            render={(radius) => (
              <RowActionsMenu
                label={`Actions for ${radius.username}`}
                items={ROW_ACTIONS}
                onAction={(action) => setDialog({ action, radiusAccount: radius })}
              />
            )}
          />
        ) : null}
      </SubTabList>
      {dialog?.action === 'add' ? <RadiusAccountDialog accountId={account.id} onClose={close} /> : null}
      {dialog?.action === 'edit' && dialog.radiusAccount ? (
        <RadiusAccountDialog accountId={account.id} radiusAccount={dialog.radiusAccount} onClose={close} />
      ) : null}
      {dialog?.action === 'assign' && dialog.radiusAccount ? (
        <AssignIpDialog
          account={account}
          assignee={{ assignee: 'radius_account', radiusAccountId: dialog.radiusAccount.id }}
          onClose={close}
        />
      ) : null}
      {dialog?.action === 'delete' && dialog.radiusAccount ? (
        <DeleteRadiusAccountDialog radiusAccount={dialog.radiusAccount} onClose={close} />
      ) : null}
    </SubTabCard>
  );
};
