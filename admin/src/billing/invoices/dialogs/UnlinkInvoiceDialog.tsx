import DialogContentText from '@mui/material/DialogContentText';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Invoice } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { billingQueryKeys } from '../../common/billingQueryKeys';
import { DetailList } from '../../common/DetailList';
import { useBillingChanged } from '../../common/useBillingChanged';
import { InvoicePicker } from './InvoicePicker';
import { useBackhaulDataProvider } from '../../../dataProvider';

const WARNING = 'The bill run links invoices by itself; unlink one by hand only to put right a mistake.';

/**
 * On a child's invoice: unlink it from its parent invoice, with both shown.
 * On a parent's invoice: pick which linked child invoice to unlink.
 */
export const UnlinkInvoiceDialog = ({
  invoice,
  currency,
  onClose,
}: {
  invoice: Invoice;
  currency: string | undefined;
  onClose: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const childSide = invoice.parentInvoiceId !== null;
  const { data: linked = [], isPending } = useQuery({
    queryKey: billingQueryKeys.childInvoices(invoice.id),
    queryFn: () => dataProvider.listInvoices({ parentInvoiceId: invoice.id }),
    enabled: !childSide,
  });
  const [childInvoiceId, setChildInvoiceId] = useState<number | ''>(childSide ? invoice.id : '');

  const confirm = async () => {
    const child = await dataProvider.unlinkParentInvoice(childInvoiceId as number);
    await changed();
    return `Invoice ${child.number} unlinked from its parent invoice`;
  };

  return (
    <ActionDialog
      title={childSide ? 'Unlink the parent invoice?' : `Unlink a child invoice from ${invoice.number}`}
      confirmLabel={childSide ? 'Unlink parent invoice' : 'Unlink invoice'}
      confirmColor="warning"
      onConfirm={confirm}
      onClose={onClose}
      disabled={childInvoiceId === ''}
    >
      <DialogContentText sx={{ mb: 2 }}>{WARNING}</DialogContentText>
      {childSide ? (
        <DetailList
          rows={[
            ['This invoice', `${invoice.number} (account #${invoice.accountId})`],
            [
              'Parent invoice',
              `${invoice.parentInvoiceNumber ?? `#${invoice.parentInvoiceId}`} (account #${invoice.parentAccountId ?? '?'})`,
            ],
          ]}
        />
      ) : !isPending && linked.length === 0 ? (
        <DialogContentText>No child invoice is linked to this invoice.</DialogContentText>
      ) : (
        <InvoicePicker
          label="Linked child invoice"
          invoices={linked}
          value={childInvoiceId}
          onChange={setChildInvoiceId}
          currency={currency}
        />
      )}
    </ActionDialog>
  );
};
