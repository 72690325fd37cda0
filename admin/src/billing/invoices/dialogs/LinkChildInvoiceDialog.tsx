import DialogContentText from '@mui/material/DialogContentText';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Invoice } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { useBillingChanged } from '../../common/useBillingChanged';
import { useChildAccounts } from '../../children/useChildAccounts';
import { InvoicePicker } from './InvoicePicker';
import { useBackhaulDataProvider } from '../../../dataProvider';

/** Puts one of the children's unlinked invoices under this invoice, so this account pays it. */
export const LinkChildInvoiceDialog = ({
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
  const { data: children = [] } = useChildAccounts(invoice.accountId);
  const childIds = children.map((child) => child.id);
  const { data: candidates = [], isPending } = useQuery({
    queryKey: ['unlinked-child-invoices', invoice.accountId, childIds],
    queryFn: async () => (await Promise.all(childIds.map((accountId) => dataProvider.listInvoices({ accountId })))).flat(),
    enabled: childIds.length > 0,
    select: (invoices: Invoice[]) => invoices.filter((candidate) => candidate.parentInvoiceId === null && !candidate.void),
  });
  const [childInvoiceId, setChildInvoiceId] = useState<number | ''>('');

  const confirm = async () => {
    const child = await dataProvider.linkChildInvoice(invoice.id, childInvoiceId as number);
    await changed();
    return `Invoice ${child.number} linked under ${invoice.number}`;
  };

  return (
    <ActionDialog
      title={`Link a child invoice to ${invoice.number}`}
      confirmLabel="Link invoice"
      onConfirm={confirm}
      onClose={onClose}
      disabled={childInvoiceId === ''}
    >
      <DialogContentText>
        The bill run links children&apos;s invoices by itself; link one by hand only to put right a mistake.
      </DialogContentText>
      {!isPending && candidates.length === 0 ? (
        <DialogContentText sx={{ mt: 2 }}>The child accounts have no invoice waiting to be linked.</DialogContentText>
      ) : (
        <InvoicePicker
          label="Child invoice"
          invoices={candidates}
          value={childInvoiceId}
          onChange={setChildInvoiceId}
          currency={currency}
        />
      )}
    </ActionDialog>
  );
};
