import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Permissions, useHasPermission } from '../../permissions';
import { formatRateE4 } from '../../taxes/rateE4';
import type { TaxOverride } from '../../types';
import { billingQueryKeys } from '../common/billingQueryKeys';
import { DeleteTaxOverrideDialog } from './DeleteTaxOverrideDialog';
import { TaxOverrideDialog } from './TaxOverrideDialog';
import { toApiProblem, useBackhaulDataProvider } from '../../dataProvider';

type Editing = { mode: 'create' } | { mode: 'edit' | 'delete'; override: TaxOverride } | null;

/** The account's exemptions from taxes and its own tax rates. */
export const TaxOverridesCard = ({ accountId }: { accountId: number }) => {
  const dataProvider = useBackhaulDataProvider();
  const canManage = useHasPermission(Permissions.BillingManage);
  const {
    data = [],
    isPending,
    error,
    refetch,
  } = useQuery({
    queryKey: billingQueryKeys.taxOverrides(accountId),
    queryFn: () => dataProvider.fetchTaxOverrides(accountId),
  });
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  return (
    <Card component="section" aria-label="Tax overrides">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h6" component="h2">
            Tax overrides
          </Typography>
          {canManage ? (
            <Button size="small" variant="contained" onClick={() => setEditing({ mode: 'create' })}>
              Add tax override
            </Button>
          ) : null}
        </Stack>
        {error ? <Alert severity="error">{toApiProblem(error).message}</Alert> : null}
        {!isPending && !error && data.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            Every tax applies to this account at its usual rate.
          </Typography>
        ) : null}
        {data.length > 0 ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Tax</TableCell>
                <TableCell>Override</TableCell>
                <TableCell align="right">Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((override) => (
                <TableRow key={override.id}>
                  <TableCell>{override.taxName}</TableCell>
                  <TableCell>
                    {override.kind === 'exempt'
                      ? `Exempt (usually ${formatRateE4(override.taxRateE4)})`
                      : `Rate ${formatRateE4(override.rateE4)} instead of ${formatRateE4(override.taxRateE4)}`}
                  </TableCell>
                  <TableCell align="right">
                    {canManage ? (
                      <>
                        <Button size="small" onClick={() => setEditing({ mode: 'edit', override })}>
                          Edit
                        </Button>
                        <Button size="small" color="error" onClick={() => setEditing({ mode: 'delete', override })}>
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
      {editing?.mode === 'create' ? <TaxOverrideDialog accountId={accountId} onSaved={refetch} onClose={close} /> : null}
      {editing?.mode === 'edit' ? (
        <TaxOverrideDialog accountId={accountId} override={editing.override} onSaved={refetch} onClose={close} />
      ) : null}
      {editing?.mode === 'delete' ? (
        <DeleteTaxOverrideDialog
          override={{ ...editing.override, accountId }}
          taxName={editing.override.taxName}
          onSaved={refetch}
          onClose={close}
        />
      ) : null}
    </Card>
  );
};
