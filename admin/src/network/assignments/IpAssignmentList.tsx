import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Datagrid, type Exporter, ExportButton, FunctionField, List, SearchInput, TextInput, TopToolbar } from 'react-admin';
import { formatDateTime } from '../../accounts/formatting';
import { type RowAction, RowActionsMenu } from '../../common';
import { downloadRows } from '../../correspondence/csv';
import { MAC_PLACEHOLDER, macProblem } from '../inventory/macAddress';
import type { IpAssignment } from '../types';
import { ipAssignmentsResource } from '../useNetworkChanged';
import type { AssignmentAction } from './AssignmentDialogs';

export type AssignmentView = 'active' | 'history';

/** Until the text is a whole MAC address the filter stays as it was: the API refuses a part of one. */
const wholeMac = (text: unknown) => (typeof text === 'string' ? (macProblem(text) ?? undefined) : undefined);

const filters = [
  <SearchInput key="q" source="q" placeholder="Address" alwaysOn />,
  <TextInput
    key="mac"
    source="mac"
    label="MAC address"
    placeholder={MAC_PLACEHOLDER}
    // The filter bar hides helper texts, so a part of a MAC shows as a red box and the list stays as it was.
    validate={wholeMac}
    helperText={false}
    resettable
    alwaysOn
  />,
];

const exporterFor =
  (accountId: number, view: AssignmentView): Exporter<IpAssignment> =>
  (assignments) =>
    downloadRows(
      `ip-assignments-account-${accountId}${view === 'history' ? '-history' : ''}`,
      [
        'id',
        'address',
        'covers',
        'subnet',
        'pool',
        'assignee',
        'assigned_to',
        'soft',
        'description',
        'assigned_at',
        'assigned_by',
        'removed_at',
        'removed_by',
      ],
      assignments.map((a) => [
        a.id,
        a.address,
        a.covers,
        a.subnetNetwork,
        a.poolName,
        a.assignee,
        a.assigneeLabel,
        a.soft,
        a.description,
        a.assignedAt,
        a.assignedByName,
        a.removedAt,
        a.removedByName,
      ]),
    );

const rowActions = (assignment: IpAssignment): RowAction<AssignmentAction>[] => [
  { action: 'move', label: 'Move to another holder' },
  { action: 'soft', label: assignment.soft ? 'Provision again (not soft)' : 'Make soft' },
  { action: 'describe', label: 'Edit description' },
  { action: 'remove', label: 'Remove', destructive: true },
];

/** A time over who did it, as the lists show an action. */
const WhenBy = ({ at, by }: { at: string | null; by: string | null }) =>
  at ? (
    <>
      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(at)}
      </Box>
      {by ? (
        <Typography variant="caption" color="text.secondary" component="div">
          by {by}
        </Typography>
      ) : null}
    </>
  ) : null;

const Caption = ({ children }: { children: ReactNode }) => (
  <Typography variant="caption" color="text.secondary" component="div">
    {children}
  </Typography>
);

interface IpAssignmentListProps {
  accountId: number;
  view: AssignmentView;
  canManage: boolean;
  onAction: (action: AssignmentAction, assignment: IpAssignment) => void;
}

/**
 * The account's addresses: those it holds now (Active), or every assignment it ever had with
 * when it ended and who ended it (History). Newest first, searchable by address or by the MAC
 * address holding it, exportable as CSV.
 */
export const IpAssignmentList = ({ accountId, view, canManage, onAction }: IpAssignmentListProps) => {
  const history = view === 'history';
  return (
    <List
      // Each view is a list of its own: its sort, page and search do not carry over.
      key={view}
      resource={ipAssignmentsResource(accountId)}
      filter={history ? {} : { active: true }}
      filters={filters}
      sort={{ field: 'assignedAt', order: 'DESC' }}
      perPage={25}
      disableSyncWithLocation
      storeKey={false}
      exporter={exporterFor(accountId, view)}
      actions={
        <TopToolbar>
          <ExportButton />
        </TopToolbar>
      }
      title={false}
      empty={false}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        aria-label={history ? 'IP assignment history' : 'Active IP assignments'}
        empty={
          <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {history ? 'This account has never held an address.' : 'No addresses are assigned to this account.'}
          </Typography>
        }
      >
        <FunctionField<IpAssignment>
          source="address"
          label="Address"
          render={(a) => (
            <>
              <Box component="span" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                {a.address}
              </Box>
              {a.covers === 'subnet' ? <Caption>Whole subnet</Caption> : null}
            </>
          )}
        />
        <FunctionField<IpAssignment>
          label="Subnet / pool"
          sortable={false}
          render={(a) => (
            <>
              <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                {a.subnetNetwork}
              </Box>
              {a.poolName ? <Caption>{a.poolName}</Caption> : null}
            </>
          )}
        />
        <FunctionField<IpAssignment> label="Held by" sortable={false} render={(a) => a.assigneeLabel} />
        <FunctionField<IpAssignment>
          label="Soft"
          sortable={false}
          render={(a) => (a.soft ? <Chip size="small" variant="outlined" label="Soft" title="Kept without being provisioned" /> : null)}
        />
        {history ? null : (
          <FunctionField<IpAssignment>
            label="Description"
            sortable={false}
            render={(a) => (
              <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
                {a.description}
              </Box>
            )}
          />
        )}
        <FunctionField<IpAssignment>
          source="assignedAt"
          label="Assigned"
          render={(a) => <WhenBy at={a.assignedAt} by={a.assignedByName} />}
        />
        {history ? (
          <FunctionField<IpAssignment>
            source="removedAt"
            label="Removed"
            render={(a) =>
              a.active ? (
                <Chip size="small" color="success" variant="outlined" label="Active" />
              ) : (
                <WhenBy at={a.removedAt} by={a.removedByName} />
              )
            }
          />
        ) : null}
        {canManage && !history ? (
          <FunctionField<IpAssignment>
            label="Actions"
            textAlign="right"
            render={(a) => (
              <RowActionsMenu label={`Actions for ${a.address}`} items={rowActions(a)} onAction={(action) => onAction(action, a)} />
            )}
          />
        ) : null}
      </Datagrid>
    </List>
  );
};
