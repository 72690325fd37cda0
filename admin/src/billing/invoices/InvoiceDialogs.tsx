import { ApplyCreditsDialog } from './dialogs/ApplyCreditsDialog';
import { CreateInvoiceDialog } from './dialogs/CreateInvoiceDialog';
import { DeleteInvoiceDialog } from './dialogs/DeleteInvoiceDialog';
import { EditInvoiceDialog } from './dialogs/EditInvoiceDialog';
import { EmailInvoiceDialog } from './dialogs/EmailInvoiceDialog';
import { GenerateInvoiceDialog } from './dialogs/GenerateInvoiceDialog';
import { LinkChildInvoiceDialog } from './dialogs/LinkChildInvoiceDialog';
import { UnlinkInvoiceDialog } from './dialogs/UnlinkInvoiceDialog';
import { VoidInvoiceDialog } from './dialogs/VoidInvoiceDialog';
import type { InvoiceDialogState } from './invoiceActions';

interface InvoiceDialogsProps {
  accountId: number;
  currency: string | undefined;
  state: InvoiceDialogState;
  onClose: () => void;
}

/** The open dialog of the Invoices tab, if any. */
export const InvoiceDialogs = ({ accountId, currency, state, onClose }: InvoiceDialogsProps) => {
  if (!state) return null;
  switch (state.action) {
    case 'create':
      return <CreateInvoiceDialog accountId={accountId} onClose={onClose} />;
    case 'generate':
      return <GenerateInvoiceDialog accountId={accountId} onClose={onClose} />;
    case 'edit':
      return <EditInvoiceDialog invoice={state.invoice} onClose={onClose} />;
    case 'apply-credits':
      return <ApplyCreditsDialog invoice={state.invoice} onClose={onClose} />;
    case 'link':
      return <LinkChildInvoiceDialog invoice={state.invoice} currency={currency} onClose={onClose} />;
    case 'unlink':
      return <UnlinkInvoiceDialog invoice={state.invoice} currency={currency} onClose={onClose} />;
    case 'void':
      return <VoidInvoiceDialog invoice={state.invoice} onClose={onClose} />;
    case 'email':
      return <EmailInvoiceDialog invoice={state.invoice} onClose={onClose} />;
    case 'delete':
      return <DeleteInvoiceDialog invoice={state.invoice} onClose={onClose} />;
  }
};
