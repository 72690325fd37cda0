import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { minorUnitsToInput, parseMoneyInput } from '../../../money';
import type { Invoice } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { DetailList } from '../../common/DetailList';
import { Money } from '../../common/Money';
import { isMoneyText, MoneyTextField } from '../../common/MoneyTextField';
import { useBillingChanged } from '../../common/useBillingChanged';
import { useBillingFigures } from '../../figures/useBillingFigures';
import { useBackhaulDataProvider } from '../../../dataProvider';

/** Puts some of the account's unapplied credit on this invoice. */
export const ApplyCreditsDialog = ({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const { data: figures } = useBillingFigures(invoice.accountId);
  const available = figures?.availableCredits ?? 0;
  const suggested = Math.min(available, invoice.remaining);
  const [amount, setAmount] = useState(() => (suggested > 0 ? minorUnitsToInput(suggested) : ''));

  const cents = isMoneyText(amount) ? parseMoneyInput(amount) : null;
  const tooMuch = cents !== null && (cents > available || cents > invoice.remaining);
  const confirm = async () => {
    await dataProvider.applyCredits(invoice.id, cents as number);
    await changed();
    return `Credit applied to invoice ${invoice.number}`;
  };

  return (
    <ActionDialog
      title={`Apply credits to invoice ${invoice.number}`}
      confirmLabel="Apply credits"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!cents || tooMuch}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <DetailList
          rows={[
            ['Available credits', <Money amount={figures?.availableCredits} currency={figures?.currency} />],
            ['Remaining on the invoice', <Money amount={invoice.remaining} currency={figures?.currency} />],
          ]}
        />
        <MoneyTextField
          label="Amount to apply"
          value={amount}
          onChange={setAmount}
          helperText={tooMuch ? 'More than the available credit or the invoice remaining' : undefined}
          error={tooMuch}
        />
      </Stack>
    </ActionDialog>
  );
};
