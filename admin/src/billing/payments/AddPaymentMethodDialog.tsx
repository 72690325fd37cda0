import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useCallback, useState } from 'react';
import { ActionDialog } from '../common/ActionDialog';
import { readableProblem } from '../common/readableProblem';
import type { CollectPaymentMethod } from './paymentMethodCollector';
import { paymentMethodName } from './paymentMethodLabels';
import { StripeElementsCollector } from './StripeElementsCollector';
import { TestPaymentMethodPicker } from './TestPaymentMethodPicker';
import type { PaymentMethodType } from './types';
import { usePaymentsChanged, usePaymentsConfig } from './usePaymentMethods';
import { useBackhaulDataProvider } from '../../dataProvider';

const FIELD_LABELS: Record<string, string> = {
  paymentMethodId: 'Payment method',
  holderName: 'Holder',
  autopay: 'Autopay',
};

const describeProblem = (error: unknown) => readableProblem(error, FIELD_LABELS);

/** Saves a card or bank account on the account, optionally as its autopay method. */
export const AddPaymentMethodDialog = ({
  accountId,
  type,
  onClose,
}: {
  accountId: number;
  type: PaymentMethodType;
  onClose: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = usePaymentsChanged(accountId);
  const config = usePaymentsConfig();
  const [collect, setCollect] = useState<CollectPaymentMethod | null>(null);
  const [holderName, setHolderName] = useState('');
  const [autopay, setAutopay] = useState(false);
  // A function kept in state must be wrapped, or React would call it as an updater.
  const onReady = useCallback((next: CollectPaymentMethod | null) => setCollect(() => next), []);

  const confirm = async () => {
    if (!collect) throw new Error('Complete the details first');
    const paymentMethodId = await collect();
    const saved = await dataProvider.addPaymentMethod(accountId, {
      paymentMethodId,
      autopay,
      ...(holderName.trim() ? { holderName: holderName.trim() } : {}),
    });
    await changed();
    return `${paymentMethodName(saved)} saved`;
  };

  const publishableKey = config.data?.stripePublishableKey ?? null;
  const testMethods = config.data?.testPaymentMethods ?? [];
  let collector = null;
  if (config.error) collector = <Alert severity="error">{describeProblem(config.error)}</Alert>;
  else if (publishableKey)
    collector = <StripeElementsCollector accountId={accountId} type={type} onReady={onReady} publishableKey={publishableKey} />;
  else if (testMethods.length > 0)
    collector = <TestPaymentMethodPicker accountId={accountId} type={type} onReady={onReady} methods={testMethods} />;
  else if (config.data) {
    collector = (
      <Alert severity="warning">
        Cards and bank accounts cannot be collected here yet: an administrator must set Stripe&rsquo;s publishable key
        (STRIPE_PUBLISHABLE_KEY).
      </Alert>
    );
  }

  return (
    <ActionDialog
      title={type === 'card' ? 'Add a credit card' : 'Add a bank account'}
      confirmLabel="Save"
      onConfirm={confirm}
      onClose={onClose}
      disabled={collect === null}
      describeProblem={describeProblem}
    >
      {collector}
      <TextField
        fullWidth
        margin="normal"
        label={type === 'card' ? 'Name on the card' : 'Account holder'}
        value={holderName}
        onChange={(event) => setHolderName(event.target.value)}
        helperText="Optional"
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <FormControlLabel
        control={<Switch checked={autopay} onChange={(event) => setAutopay(event.target.checked)} />}
        label="Use for autopay"
      />
    </ActionDialog>
  );
};
