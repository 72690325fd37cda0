import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { Permissions, useHasPermission } from '../../permissions';
import { useChildAccounts } from '../children/useChildAccounts';
import { BillingBanner } from '../figures/BillingBanner';
import { useAccountCurrency } from '../figures/useBillingFigures';
import { InvoiceDialogs } from './InvoiceDialogs';
import type { InvoiceDialogState } from './invoiceActions';
import { InvoiceList } from './InvoiceList';

/** The figures, then the account's invoices with their actions. */
export const InvoicesTab = ({ account }: AccountTabProps) => {
  const canManage = useHasPermission(Permissions.BillingManage);
  const currency = useAccountCurrency(account.id);
  const { data: children = [] } = useChildAccounts(account.id);
  const [dialog, setDialog] = useState<InvoiceDialogState>(null);

  return (
    <Stack spacing={2}>
      <BillingBanner accountId={account.id} />
      <Card>
        <CardContent>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h2">
              Invoices
            </Typography>
            {canManage ? (
              <Stack direction="row" spacing={1}>
                <Button variant="outlined" size="small" onClick={() => setDialog({ action: 'generate' })}>
                  Generate for billing date
                </Button>
                <Button variant="contained" size="small" onClick={() => setDialog({ action: 'create' })}>
                  Create invoice
                </Button>
              </Stack>
            ) : null}
          </Stack>
          <InvoiceList
            accountId={account.id}
            currency={currency}
            hasChildren={children.length > 0}
            onAction={(action, invoice) => setDialog({ action, invoice })}
          />
        </CardContent>
      </Card>
      <InvoiceDialogs accountId={account.id} currency={currency} state={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
};
