import Typography from '@mui/material/Typography';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBillingChanged } from '../billing/common/useBillingChanged';
import { useBackhaulDataProvider } from '../dataProvider';
import { formatMoney } from '../money';
import { formatOctets } from './formatOctets';
import type { TopOffOffer } from './types';
import { useUsageChanged } from './useDataUsage';

interface TopOffDialogProps {
  accountId: number;
  offer: TopOffOffer;
  currency: string | undefined;
  onClose: () => void;
}

/** Says what a top-off adds and what it costs before it charges the account. */
export const TopOffDialog = ({ accountId, offer, currency, onClose }: TopOffDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const usageChanged = useUsageChanged();
  const billingChanged = useBillingChanged();
  const size = formatOctets(offer.octets);
  const money = (amount: number) => (currency ? formatMoney(amount, currency) : '…');
  const price = money(offer.price);

  const confirm = async () => {
    const result = await dataProvider.topOffData(accountId);
    await Promise.all([usageChanged(), billingChanged()]);
    return `${formatOctets(result.octets)} added to this period; ${money(result.amount)} charged`;
  };

  return (
    <ActionDialog title={`Top off ${size}?`} confirmLabel={`Charge ${price}`} onConfirm={confirm} onClose={onClose} disabled={!currency}>
      <Typography variant="body2" gutterBottom>
        The account&apos;s allowance for the current billing period grows by <strong>{size}</strong>.
      </Typography>
      <Typography variant="body2">
        {offer.serviceName} is charged now, as a one-time debit of <strong>{price}</strong> (plus the service&apos;s taxes, if it has any).
        It goes on the next invoice.
      </Typography>
    </ActionDialog>
  );
};
