import DialogContentText from '@mui/material/DialogContentText';
import type { Invoice } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { useBillingChanged } from '../../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../../dataProvider';

/** Only invoices made by hand, dated in the open accounting period, can be deleted; the API says so otherwise. */
export const DeleteInvoiceDialog = ({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const confirm = async () => {
    await dataProvider.deleteInvoice(invoice.id);
    await changed();
    return `Invoice ${invoice.number} deleted`;
  };
  return (
    <ActionDialog
      title={`Delete invoice ${invoice.number}?`}
      confirmLabel="Delete invoice"
      confirmColor="error"
      onConfirm={confirm}
      onClose={onClose}
    >
      <DialogContentText>
        The invoice goes away and the charges on it wait for the next invoice again. Credits applied to it become available credit.
      </DialogContentText>
    </ActionDialog>
  );
};
