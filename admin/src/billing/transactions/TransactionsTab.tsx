import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { Permissions, useHasPermission } from '../../permissions';
import type { Transaction, TransactionKind } from '../../types';
import { DataTopOffAction } from '../../usage/DataTopOffAction';
import { BillingBanner } from '../figures/BillingBanner';
import { useAccountCurrency } from '../figures/useBillingFigures';
import { ProcessorPaymentButton } from '../payments';
import { AdjustmentDialog } from './dialogs/AdjustmentDialog';
import { OneTimeDialog } from './dialogs/OneTimeDialog';
import { PaymentDialog } from './dialogs/PaymentDialog';
import { TransactionDialogs, type TransactionDialogState } from './dialogs/TransactionDialogs';
import { TransactionDrawer } from './TransactionDrawer';
import { TransactionList } from './TransactionList';

const KIND_TABS: { value: TransactionKind | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'debit', label: 'Debits' },
  { value: 'discount', label: 'Discounts' },
  { value: 'payment', label: 'Payments' },
  { value: 'adjustment', label: 'Adjustments' },
];

type NewEntry = 'one-time' | 'adjustment' | 'payment' | null;

/** The figures, then the ledger of the account, filtered by kind, with the ways to add to it. */
export const TransactionsTab = ({ account }: AccountTabProps) => {
  const canManage = useHasPermission(Permissions.BillingManage);
  const currency = useAccountCurrency(account.id);
  const [kind, setKind] = useState<TransactionKind | 'all'>('all');
  const [entry, setEntry] = useState<NewEntry>(null);
  const [dialog, setDialog] = useState<TransactionDialogState>(null);
  const [opened, setOpened] = useState<Transaction | null>(null);
  const close = () => setEntry(null);

  return (
    <Stack spacing={2}>
      <BillingBanner accountId={account.id} />
      <Card>
        <CardContent>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h2">
              Transactions
            </Typography>
            {canManage ? (
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <Button size="small" variant="outlined" onClick={() => setEntry('one-time')}>
                  One-time transaction
                </Button>
                <Button size="small" variant="outlined" onClick={() => setEntry('adjustment')}>
                  Adjustment
                </Button>
                <DataTopOffAction accountId={account.id} currency={currency} />
                <Button size="small" variant="contained" onClick={() => setEntry('payment')}>
                  Cash, check or wire payment
                </Button>
                <ProcessorPaymentButton accountId={account.id} currency={currency} />
              </Stack>
            ) : null}
          </Stack>
          <Tabs
            value={kind}
            onChange={(_event, value: TransactionKind | 'all') => setKind(value)}
            aria-label="Transaction kinds"
            sx={{ mb: 1 }}
          >
            {KIND_TABS.map((tab) => (
              <Tab key={tab.value} value={tab.value} label={tab.label} />
            ))}
          </Tabs>
          <TransactionList
            key={kind}
            accountId={account.id}
            kind={kind === 'all' ? null : kind}
            currency={currency}
            onAction={(action, transaction) => setDialog({ action, transaction })}
            onOpen={setOpened}
          />
        </CardContent>
      </Card>
      {entry === 'payment' ? <PaymentDialog accountId={account.id} currency={currency} onClose={close} /> : null}
      {entry === 'one-time' ? <OneTimeDialog accountId={account.id} currency={currency} onClose={close} /> : null}
      {entry === 'adjustment' ? <AdjustmentDialog accountId={account.id} currency={currency} onClose={close} /> : null}
      <TransactionDrawer transaction={opened} currency={currency} onClose={() => setOpened(null)} />
      <TransactionDialogs state={dialog} currency={currency} onClose={() => setDialog(null)} />
    </Stack>
  );
};
