import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import { formatDate } from '../../accounts/formatting';
import { Caption, Mono, type RowAction, RowActionsMenu } from '../../common';
import { errorMessage } from '../../dataProvider';
import { type AssignmentAction, MOVE_ASSIGNMENT, REMOVE_ASSIGNMENT } from '../assignments/AssignmentDialogs';
import type { InventoryItem, IpAssignment, ItemMac } from '../types';
import { ConnectedDevices } from './ConnectedDevices';
import { useMacAssignments } from './useAccountInventory';

const ASSIGNMENT_ACTIONS: RowAction<AssignmentAction>[] = [MOVE_ASSIGNMENT, REMOVE_ASSIGNMENT];

export interface ItemDetailActions {
  onAssign: (item: InventoryItem, mac: ItemMac) => void;
  onAssignment: (action: AssignmentAction, assignment: IpAssignment) => void;
}

const PartTitle = ({ children }: { children: string }) => (
  <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
    {children}
  </Typography>
);

/** One MAC address of the item and the addresses it holds now, each with its pool and its actions. */
const MacAssignments = ({
  item,
  mac,
  assignments,
  canManage,
  actions,
}: {
  item: InventoryItem;
  mac: ItemMac;
  assignments: IpAssignment[];
  canManage: boolean;
  actions: ItemDetailActions;
}) => (
  <Box sx={{ py: 1, borderTop: 1, borderColor: 'divider' }} role="group" aria-label={`Addresses of ${mac.mac}`}>
    <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
      <Box sx={{ minWidth: 0 }}>
        <Mono>{mac.mac}</Mono>
        {item.macs.length > 1 ? (
          <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 1 }}>
            MAC {mac.position + 1}
          </Typography>
        ) : null}
      </Box>
      {canManage ? (
        <Button size="small" startIcon={<AddIcon />} onClick={() => actions.onAssign(item, mac)}>
          Assign IP
        </Button>
      ) : null}
    </Stack>
    {assignments.length === 0 ? (
      <Typography variant="body2" color="text.secondary">
        No address
      </Typography>
    ) : (
      assignments.map((assignment) => (
        <Stack key={assignment.id} direction="row" sx={{ alignItems: 'center', gap: 1, pl: 2 }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Mono>{assignment.address}</Mono>
            <Caption>
              {[
                assignment.poolName ?? assignment.subnetNetwork,
                `since ${formatDate(assignment.assignedAt)}`,
                assignment.soft ? 'soft' : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Caption>
          </Box>
          {canManage ? (
            <RowActionsMenu
              label={`Actions for ${assignment.address}`}
              items={ASSIGNMENT_ACTIONS}
              onAction={(action) => actions.onAssignment(action, assignment)}
            />
          ) : null}
        </Stack>
      ))
    )}
  </Box>
);

/**
 * An item's row opened: its IP assignments, MAC by MAC, and the devices seen behind it. Used as
 * the expand panel of the account's item list (the item comes from the row).
 */
export const ItemDetail = ({ accountId, canManage, actions }: { accountId: number; canManage: boolean; actions: ItemDetailActions }) => {
  const item = useRecordContext<InventoryItem>();
  const { data = [], error } = useMacAssignments(accountId, 'inventory_mac', item !== undefined);
  if (!item) return null;
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 3, py: 1, px: { xs: 0, sm: 1 } }}
      role="region"
      aria-label={`Details of item ${item.id}`}
    >
      <Box sx={{ minWidth: 0 }}>
        <PartTitle>IP Assignments</PartTitle>
        {error ? <Alert severity="error">The addresses could not load: {errorMessage(error)}</Alert> : null}
        {item.macs.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            This model has no MAC address, so the item cannot hold an address.
          </Typography>
        ) : (
          item.macs.map((mac) => (
            <MacAssignments
              key={mac.id}
              item={item}
              mac={mac}
              assignments={data.filter((assignment) => assignment.inventoryMacId === mac.id)}
              canManage={canManage}
              actions={actions}
            />
          ))
        )}
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <PartTitle>Connected Devices</PartTitle>
        <ConnectedDevices item={item} canManage={canManage} />
      </Box>
    </Box>
  );
};
