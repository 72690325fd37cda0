import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { formatMoney } from '../../../money';
import type { CatalogService } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { DateTextField } from '../../common/DateTextField';
import { useBillingChanged } from '../../common/useBillingChanged';
import { useBillingFigures } from '../../figures/useBillingFigures';
import { type InvoiceLineDraft, isLineComplete, toLineInput } from './invoiceLines';
import { InvoiceLinesEditor } from './InvoiceLinesEditor';
import { useBackhaulDataProvider } from '../../../dataProvider';

const INVOICEABLE_KINDS = new Set(['one_time', 'recurring', 'data', 'voice']);

/** A hand-made invoice: lines of services, the charges waiting for an invoice, or both. */
export const CreateInvoiceDialog = ({ accountId, onClose }: { accountId: number; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const { data: figures } = useBillingFigures(accountId);
  const currency = figures?.currency;
  const waiting = figures?.uninvoiced ?? 0;
  const { data: services = [] } = useGetList<CatalogService>('services', {
    filter: { active: true },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [lines, setLines] = useState<InvoiceLineDraft[]>([]);
  const [includeUninvoiced, setIncludeUninvoiced] = useState(true);
  const [invoiceDate, setInvoiceDate] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [message, setMessage] = useState('');

  const valid = lines.every(isLineComplete) && (lines.length > 0 || includeUninvoiced);
  const confirm = async () => {
    const invoice = await dataProvider.createInvoice({
      accountId,
      lines: lines.map(toLineInput),
      includeUninvoiced,
      ...(invoiceDate ? { invoiceDate } : {}),
      ...(dueDate ? { dueDate } : {}),
      ...(message.trim() ? { message: message.trim() } : {}),
    });
    await changed();
    return `Invoice ${invoice.number} created`;
  };

  return (
    <ActionDialog
      title="Create an invoice"
      confirmLabel="Create invoice"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!valid}
      maxWidth="md"
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <FormControlLabel
          control={<Switch checked={includeUninvoiced} onChange={(event) => setIncludeUninvoiced(event.target.checked)} />}
          label={`Include the charges waiting for an invoice (${currency ? formatMoney(waiting, currency) : '…'})`}
        />
        <Typography variant="subtitle2">Lines</Typography>
        <InvoiceLinesEditor
          lines={lines}
          onChange={setLines}
          services={services.filter((service) => INVOICEABLE_KINDS.has(service.kind))}
          currency={currency}
        />
        <Stack direction="row" spacing={2}>
          <DateTextField label="Invoice date" value={invoiceDate} onChange={setInvoiceDate} helperText="Blank: today" />
          <DateTextField label="Due date" value={dueDate} onChange={setDueDate} helperText="Blank: from the billing configuration" />
        </Stack>
        <TextField
          label="Message printed on the invoice"
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          multiline
          minRows={2}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
      </Stack>
    </ActionDialog>
  );
};
