import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { type Exporter, FunctionField, SearchInput, TextInput } from 'react-admin';
import { formatDateTime } from '../../accounts/formatting';
import { Caption, Mono, RowActionsMenu } from '../../common';
import { downloadRows } from '../../correspondence/csv';
import { SubTabList } from '../common/SubTabList';
import { MAC_PLACEHOLDER, macProblem } from '../inventory/macAddress';
import type { IpAssignment } from '../types';
import { ipAssignmentsResource } from '../useNetworkChanged';
import { type AssignmentAction, assignmentRowActions } from './AssignmentDialogs';

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

/** A time over who did it, as the lists show an action. */
const WhenBy = ({ at, by }: { at: string | null; by: string | null }) =>
  at ? (
    <>
      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(at)}
      </Box>
      {by ? <Caption>by {by}</Caption> : null}
    </>
  ) : null;

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
    <SubTabList<IpAssignment>
      // Each view is a list of its own: its sort, page and search do not carry over.
      key={view}
      resource={ipAssignmentsResource(accountId)}
      filter={history ? {} : { active: true }}
      filters={filters}
      sort={{ field: 'assignedAt', order: 'DESC' }}
      exporter={exporterFor(accountId, view)}
      label={history ? 'IP assignment history' : 'Active IP assignments'}
      none={history ? 'This account has never held an address.' : 'No addresses are assigned to this account.'}
    >
      <FunctionField<IpAssignment>
        source="address"
        label="Address"
        render={(a) => (
          <>
            <Mono>{a.address}</Mono>
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
            <RowActionsMenu label={`Actions for ${a.address}`} items={assignmentRowActions(a)} onAction={(action) => onAction(action, a)} />
          )}
        />
      ) : null}
    </SubTabList>
  );
};
