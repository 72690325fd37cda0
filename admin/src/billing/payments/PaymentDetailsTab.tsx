import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { Permissions, useHasPermission } from '../../permissions';
import { AddPaymentMethodDialog } from './AddPaymentMethodDialog';
import { DeletePaymentMethodDialog } from './DeletePaymentMethodDialog';
import { EditPaymentMethodDialog } from './EditPaymentMethodDialog';
import { expiryText, paymentMethodName } from './paymentMethodLabels';
import { ProcessorPaymentsCard } from './ProcessorPaymentsCard';
import type { PaymentMethodType, SavedPaymentMethod } from './types';
import { usePaymentMethods, usePaymentsChanged } from './usePaymentMethods';
import { toApiProblem, useBackhaulDataProvider } from '../../dataProvider';

type Editing = { mode: 'add'; type: PaymentMethodType } | { mode: 'edit' | 'delete'; method: SavedPaymentMethod } | null;

/** Cards and bank accounts saved on the account for later payments and autopay, and the payments taken with them. */
export const PaymentDetailsTab = ({ account }: AccountTabProps) => {
  const dataProvider = useBackhaulDataProvider();
  const canManage = useHasPermission(Permissions.BillingManage);
  const notify = useNotify();
  const changed = usePaymentsChanged(account.id);
  const { data = [], isPending, error } = usePaymentMethods(account.id);
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  const toggleAutopay = async (method: SavedPaymentMethod, autopay: boolean) => {
    try {
      await dataProvider.updatePaymentMethod(method, { autopay });
      await changed();
      notify(autopay ? `${paymentMethodName(method)} is now the autopay method` : `Autopay is off for ${paymentMethodName(method)}`, {
        type: 'success',
      });
    } catch (err) {
      notify(toApiProblem(err).message, { type: 'error' });
    }
  };

  return (
    <Stack spacing={2}>
      <Card component="section" aria-label="Payment details">
        <CardContent>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h2">
              Payment details
            </Typography>
            {canManage ? (
              <Stack direction="row" spacing={1}>
                <Button size="small" variant="contained" onClick={() => setEditing({ mode: 'add', type: 'card' })}>
                  Add credit card
                </Button>
                <Button size="small" variant="outlined" onClick={() => setEditing({ mode: 'add', type: 'bank' })}>
                  Add bank account
                </Button>
              </Stack>
            ) : null}
          </Stack>
          {error ? <Alert severity="error">{toApiProblem(error).message}</Alert> : null}
          {!isPending && !error && data.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              No card or bank account is saved on this account.
            </Typography>
          ) : null}
          {data.length > 0 ? (
            <Table size="small" aria-label="Saved payment methods">
              <TableHead>
                <TableRow>
                  <TableCell>Method</TableCell>
                  <TableCell>Holder</TableCell>
                  <TableCell>Expires</TableCell>
                  <TableCell>Autopay</TableCell>
                  <TableCell align="right">Actions</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((method) => (
                  <TableRow key={method.id} aria-label={paymentMethodName(method)}>
                    <TableCell>{paymentMethodName(method)}</TableCell>
                    <TableCell>{method.holderName ?? '—'}</TableCell>
                    <TableCell>{expiryText(method)}</TableCell>
                    <TableCell>
                      <Switch
                        checked={method.autopay}
                        disabled={!canManage}
                        onChange={(event) => void toggleAutopay(method, event.target.checked)}
                        slotProps={{ input: { 'aria-label': `Autopay with ${paymentMethodName(method)}` } }}
                      />
                    </TableCell>
                    <TableCell align="right">
                      {canManage ? (
                        <>
                          <Button size="small" onClick={() => setEditing({ mode: 'edit', method })}>
                            Edit
                          </Button>
                          <Button size="small" color="error" onClick={() => setEditing({ mode: 'delete', method })}>
                            Delete
                          </Button>
                        </>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </CardContent>
      </Card>
      <ProcessorPaymentsCard accountId={account.id} />
      {editing?.mode === 'add' ? <AddPaymentMethodDialog accountId={account.id} type={editing.type} onClose={close} /> : null}
      {editing?.mode === 'edit' ? <EditPaymentMethodDialog method={editing.method} onClose={close} /> : null}
      {editing?.mode === 'delete' ? <DeletePaymentMethodDialog method={editing.method} onClose={close} /> : null}
    </Stack>
  );
};
