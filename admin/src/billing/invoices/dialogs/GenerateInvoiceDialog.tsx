import DialogContentText from '@mui/material/DialogContentText';
import { useState } from 'react';
import { ActionDialog } from '../../common/ActionDialog';
import { isCalendarDate, localToday } from '../../common/dates';
import { DateTextField } from '../../common/DateTextField';
import { useBillingChanged } from '../../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../../dataProvider';
import { useNextBillingDate } from '../../../accounts/useNextBillingDate';

/** Runs the bill run's invoice step for this account and one billing date; running it twice finds the same invoice. */
export const GenerateInvoiceDialog = ({ accountId, onClose }: { accountId: number; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  // The date the bill run would invoice this account next, until the clerk picks another; today when there is none.
  const nextBillingDate = useNextBillingDate(accountId);
  const [chosen, setBillingDate] = useState<string | null>(null);
  const billingDate = chosen ?? nextBillingDate ?? localToday();
  const confirm = async () => {
    const result = await dataProvider.generateInvoice(accountId, billingDate);
    await changed();
    if (!result.invoice) return { message: `Nothing to invoice for ${billingDate}`, type: 'info' as const };
    return result.created ? `Invoice ${result.invoice.number} generated` : `Invoice ${result.invoice.number} already existed for that date`;
  };
  return (
    <ActionDialog
      title="Generate the invoice for a billing date"
      confirmLabel="Generate"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!isCalendarDate(billingDate)}
    >
      <DialogContentText sx={{ mb: 2 }}>
        The invoice the bill run would make for this date: recurring services for the period (in advance, the period starting that day; in
        arrears, the period ending the day before) and the charges waiting for an invoice.
      </DialogContentText>
      <DateTextField label="Billing date" value={billingDate} onChange={setBillingDate} required />
    </ActionDialog>
  );
};
