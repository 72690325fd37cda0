import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { formatDate } from '../../accounts/formatting';
import { type RowAction, RowActionsMenu } from '../../common';
import { errorMessage } from '../../dataProvider';
import { Permissions, useHasPermission } from '../../permissions';
import { ADD_IP_ASSIGNMENT, AssignIpDialog } from '../assignments/AssignIpDialog';
import { HeldAddresses } from '../common/HeldAddresses';
import { AddButton, SubTabCard } from '../common/SubTabCard';
import { useUninventoriedMacs } from '../inventory/useAccountInventory';
import type { UninventoriedMac } from '../types';
import { AddMacDialog } from './AddMacDialog';
import { DeleteMacDialog } from './DeleteMacDialog';
import { MoveMacAssignmentDialog } from './MoveMacAssignmentDialog';

type MacAction = 'assign' | 'move' | 'delete';

const rowActions = (mac: UninventoriedMac): RowAction<MacAction>[] => [
  ADD_IP_ASSIGNMENT,
  ...(mac.ipAddresses.length > 0 ? [{ action: 'move' as const, label: 'Move IP assignment' }] : []),
  { action: 'delete', label: 'Delete', destructive: true },
];

type DialogState = { action: 'add' } | { action: MacAction; mac: UninventoriedMac } | null;

/**
 * Network & Inventory › Uninventoried MAC Addresses: devices of the subscriber's own, known by their
 * MAC address only, with the addresses the DHCP servers keep for them. One lives as long as it holds
 * an address: removing its last address takes it off the list.
 */
export const UninventoriedMacsTab = ({ account }: AccountTabProps) => {
  const canManage = useHasPermission(Permissions.NetworkManage);
  const { data = [], isPending, error } = useUninventoriedMacs(account.id);
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = () => setDialog(null);

  return (
    <SubTabCard
      title="Uninventoried MAC addresses"
      gutter
      actions={canManage ? <AddButton label="Add MAC address" onClick={() => setDialog({ action: 'add' })} /> : null}
    >
      {error ? <Alert severity="error">The MAC addresses could not load: {errorMessage(error)}</Alert> : null}
      {!isPending && !error && data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          This account has no uninventoried MAC addresses.
        </Typography>
      ) : null}
      {data.length > 0 ? (
        <Table size="small" aria-label="Uninventoried MAC addresses">
          <TableHead>
            <TableRow>
              <TableCell>MAC address</TableCell>
              <TableCell>Description</TableCell>
              <TableCell>Addresses</TableCell>
              <TableCell>Added</TableCell>
              {canManage ? <TableCell align="right">Actions</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((mac) => (
              <TableRow key={mac.id} aria-label={`MAC address ${mac.mac}`}>
                <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{mac.mac}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{mac.description}</TableCell>
                <TableCell>
                  <HeldAddresses addresses={mac.ipAddresses} />
                </TableCell>
                <TableCell>{formatDate(mac.createdAt)}</TableCell>
                {canManage ? (
                  <TableCell align="right">
                    <RowActionsMenu
                      label={`Actions for ${mac.mac}`}
                      items={rowActions(mac)}
                      onAction={(action) => setDialog({ action, mac })}
                    />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {dialog?.action === 'add' ? <AddMacDialog account={account} onClose={close} /> : null}
      {dialog?.action === 'assign' ? (
        <AssignIpDialog account={account} assignee={{ assignee: 'uninventoried_mac', uninventoriedMacId: dialog.mac.id }} onClose={close} />
      ) : null}
      {dialog?.action === 'move' ? <MoveMacAssignmentDialog account={account} mac={dialog.mac} onClose={close} /> : null}
      {dialog?.action === 'delete' ? <DeleteMacDialog mac={dialog.mac} onClose={close} /> : null}
    </SubTabCard>
  );
};
