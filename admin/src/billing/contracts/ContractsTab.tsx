import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import DialogContentText from '@mui/material/DialogContentText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { formatDate } from '../../accounts/formatting';
import { contractPdfUrl, useBackhaulDataProvider } from '../../dataProvider';
import { Permissions, useHasPermission } from '../../permissions';
import type { Contract } from '../../types';
import { ActionDialog } from '../common/ActionDialog';
import { AddContractDialog } from './AddContractDialog';
import { ContractDrawer } from './ContractDrawer';
import { ContractStateChip } from './ContractStateChip';
import { SendContractDialog } from './SendContractDialog';
import { SignInPersonDialog } from './SignInPersonDialog';
import { useAccountContracts, useContractsChanged } from './useContracts';

type Action = 'sign' | 'send' | 'resend' | 'cancel' | 'rewrite' | 'delete';

const day = (iso: string | null | undefined) => (iso ? formatDate(iso.slice(0, 10)) : '—');

/** The account's contracts: written from templates, signed in person or by a link, and downloaded once signed. */
export const ContractsTab = ({ account }: AccountTabProps) => {
  const canManage = useHasPermission(Permissions.ContractsManage);
  const dataProvider = useBackhaulDataProvider();
  const changed = useContractsChanged();
  const { data = [], isPending } = useAccountContracts(account.id);
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<Contract | null>(null);
  const [menu, setMenu] = useState<{ anchor: HTMLElement; contract: Contract } | null>(null);
  const [action, setAction] = useState<{ kind: Action; contract: Contract } | null>(null);

  const choose = (kind: Action) => {
    if (menu) setAction({ kind, contract: menu.contract });
    setMenu(null);
  };
  const close = () => setAction(null);
  const run = (call: () => Promise<unknown>, notice: string) => async () => {
    await call();
    await changed();
    return notice;
  };

  return (
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h6" component="h2">
            Contracts
          </Typography>
          {canManage ? (
            <Button size="small" variant="contained" onClick={() => setAdding(true)}>
              Add contract
            </Button>
          ) : null}
        </Stack>
        {!isPending && data.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            This account has no contracts.
          </Typography>
        ) : (
          <Table size="small" aria-label="Contracts">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Signed by</TableCell>
                <TableCell>Created</TableCell>
                <TableCell>Sent</TableCell>
                <TableCell>Signed</TableCell>
                <TableCell>Expires</TableCell>
                <TableCell>State</TableCell>
                <TableCell align="right">Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((contract) => (
                <TableRow key={contract.id} hover sx={{ cursor: 'pointer' }} onClick={() => setShown(contract)}>
                  <TableCell>{contract.name}</TableCell>
                  <TableCell>{contract.signedBy ?? 'Unsigned'}</TableCell>
                  <TableCell>{day(contract.createdAt)}</TableCell>
                  <TableCell>{day(contract.sentAt)}</TableCell>
                  <TableCell>{day(contract.signedAt)}</TableCell>
                  <TableCell>{contract.expiresOn ? formatDate(contract.expiresOn) : '—'}</TableCell>
                  <TableCell>
                    <ContractStateChip state={contract.state} />
                  </TableCell>
                  <TableCell align="right" onClick={(e) => e.stopPropagation()}>
                    {contract.signedAt ? (
                      <Button size="small" href={contractPdfUrl(contract.id)} download aria-label={`Download ${contract.name}`}>
                        Download
                      </Button>
                    ) : canManage ? (
                      <Button
                        size="small"
                        aria-label={`Actions for ${contract.name}`}
                        onClick={(e) => setMenu({ anchor: e.currentTarget, contract })}
                      >
                        Actions
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <Menu anchorEl={menu?.anchor} open={menu !== null} onClose={() => setMenu(null)}>
        <MenuItem onClick={() => choose('sign')}>Sign in person</MenuItem>
        {menu?.contract.openRequest ? (
          [
            <MenuItem key="resend" onClick={() => choose('resend')}>
              Send again
            </MenuItem>,
            <MenuItem key="cancel" onClick={() => choose('cancel')}>
              Cancel signing request
            </MenuItem>,
          ]
        ) : (
          <MenuItem onClick={() => choose('send')}>Send for signature</MenuItem>
        )}
        {menu?.contract.openRequest ? null : <MenuItem onClick={() => choose('rewrite')}>Write again from template</MenuItem>}
        <MenuItem onClick={() => choose('delete')} sx={{ color: 'error.main' }}>
          Delete
        </MenuItem>
      </Menu>
      {adding ? <AddContractDialog accountId={account.id} onClose={() => setAdding(false)} /> : null}
      {action?.kind === 'sign' ? <SignInPersonDialog contract={action.contract} onClose={close} /> : null}
      {action?.kind === 'send' ? <SendContractDialog contract={action.contract} onClose={close} /> : null}
      {action?.kind === 'resend' ? (
        <ActionDialog
          title={`Send '${action.contract.name}' again?`}
          confirmLabel="Send again"
          onConfirm={run(() => dataProvider.resendContract(action.contract.id), 'Sent again with a fresh link')}
          onClose={close}
        >
          <DialogContentText>
            {action.contract.openRequest?.email} gets a new email with a fresh link; the request stays open longer and reminders start over.
          </DialogContentText>
        </ActionDialog>
      ) : null}
      {action?.kind === 'cancel' ? (
        <ActionDialog
          title="Cancel the signing request?"
          confirmLabel="Cancel request"
          confirmColor="warning"
          onConfirm={run(() => dataProvider.cancelContractRequest(action.contract.id), 'Signing request cancelled')}
          onClose={close}
        >
          <DialogContentText>
            The links sent to {action.contract.openRequest?.email} stop working at once. The contract stays, unsigned.
          </DialogContentText>
        </ActionDialog>
      ) : null}
      {action?.kind === 'rewrite' ? (
        <ActionDialog
          title={`Write '${action.contract.name}' again?`}
          confirmLabel="Write again"
          confirmColor="warning"
          onConfirm={run(() => dataProvider.rewriteContract(action.contract.id), 'Contract written again from its template')}
          onClose={close}
        >
          <DialogContentText>
            The document is written again from its template as it reads now, with the account as it stands today. The current wording is
            replaced.
          </DialogContentText>
        </ActionDialog>
      ) : null}
      {action?.kind === 'delete' ? (
        <ActionDialog
          title={`Delete '${action.contract.name}'?`}
          confirmLabel="Delete contract"
          confirmColor="error"
          onConfirm={run(() => dataProvider.deleteContract(action.contract.id), 'Contract deleted')}
          onClose={close}
        >
          <DialogContentText>The unsigned contract and its signing requests are removed; any link sent stops working.</DialogContentText>
        </ActionDialog>
      ) : null}
      <ContractDrawer contract={shown} onClose={() => setShown(null)} />
    </Card>
  );
};
