import EditIcon from '@mui/icons-material/Edit';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutline';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import Tooltip from '@mui/material/Tooltip';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { formatDate } from '../../accounts/formatting';
import { ServiceKindChip } from '../../catalog/ServiceKindChip';
import { Permissions, useHasPermission } from '../../permissions';
import type { AccountService } from '../../types';
import { Money } from '../common/Money';
import { formatSpeeds } from '../common/speeds';
import { useAccountCurrency } from '../figures/useBillingFigures';
import { AddAccountServiceDialog } from './AddAccountServiceDialog';
import { EditAccountServiceDialog } from './EditAccountServiceDialog';
import { RemoveAccountServiceDialog } from './RemoveAccountServiceDialog';
import { useAccountServices } from './useAccountServices';

/** Recurring services and packages on the account, and adding or removing them. */
export const AccountServicesTab = ({ account }: AccountTabProps) => {
  const canManage = useHasPermission(Permissions.BillingManage);
  const currency = useAccountCurrency(account.id);
  const [includeRemoved, setIncludeRemoved] = useState(false);
  const { data = [], isPending } = useAccountServices(account.id, includeRemoved);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<AccountService | null>(null);
  const [editing, setEditing] = useState<AccountService | null>(null);

  return (
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            Services & Packages
          </Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <FormControlLabel
              control={<Switch checked={includeRemoved} onChange={(event) => setIncludeRemoved(event.target.checked)} />}
              label="Show removed"
            />
            {canManage ? (
              <Button variant="contained" size="small" onClick={() => setAdding(true)}>
                Add service or package
              </Button>
            ) : null}
          </Stack>
        </Stack>
        {!isPending && data.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No services or packages on this account.
          </Typography>
        ) : (
          <Table size="small" aria-label="Services and packages" sx={{ '& th, & td': { px: 1 } }}>
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Kind</TableCell>
                <TableCell>Speeds</TableCell>
                <TableCell align="right">Quantity</TableCell>
                <TableCell align="right">Unit price</TableCell>
                <TableCell align="right">Override</TableCell>
                <TableCell align="right">Per period</TableCell>
                <TableCell>Prorated from</TableCell>
                <TableCell>Added</TableCell>
                <TableCell align="right" aria-label="Actions" />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((service) => (
                <TableRow key={service.id} aria-label={`Service ${service.name}`} sx={service.removedOn ? { opacity: 0.6 } : undefined}>
                  <TableCell>{service.name}</TableCell>
                  <TableCell>
                    <ServiceKindChip kind={service.kind} />
                  </TableCell>
                  <TableCell>{formatSpeeds(service.downloadKbps, service.uploadKbps)}</TableCell>
                  <TableCell align="right">{service.quantity}</TableCell>
                  <TableCell align="right">
                    <Money amount={service.unitPrice} currency={currency} />
                  </TableCell>
                  <TableCell align="right">
                    {service.priceOverride === null ? '—' : <Money amount={service.priceOverride} currency={currency} />}
                  </TableCell>
                  <TableCell align="right">
                    <Money amount={service.periodAmount} currency={currency} />
                  </TableCell>
                  <TableCell>{service.additionProrateDate ? formatDate(service.additionProrateDate) : '—'}</TableCell>
                  <TableCell>
                    {formatDate(service.addedOn)}
                    {service.removedOn ? ` (removed ${formatDate(service.removedOn)})` : ''}
                  </TableCell>
                  <TableCell align="right">
                    {canManage && !service.removedOn ? (
                      <Stack direction="row" spacing={0} sx={{ justifyContent: 'flex-end' }}>
                        <Tooltip title="Edit">
                          <IconButton size="small" onClick={() => setEditing(service)} aria-label={`Edit ${service.name}`}>
                            <EditIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                        <Tooltip title="Remove">
                          <IconButton size="small" color="error" onClick={() => setRemoving(service)} aria-label={`Remove ${service.name}`}>
                            <RemoveCircleOutlineIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      </Stack>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      {adding ? <AddAccountServiceDialog accountId={account.id} currency={currency} onClose={() => setAdding(false)} /> : null}
      {editing ? <EditAccountServiceDialog service={editing} currency={currency} onClose={() => setEditing(null)} /> : null}
      {removing ? <RemoveAccountServiceDialog service={removing} onClose={() => setRemoving(null)} /> : null}
    </Card>
  );
};
