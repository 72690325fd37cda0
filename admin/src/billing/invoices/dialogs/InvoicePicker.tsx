import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { formatDate } from '../../../accounts/formatting';
import { formatMoney } from '../../../money';
import type { Invoice } from '../../../types';

interface InvoicePickerProps {
  label: string;
  invoices: Invoice[];
  value: number | '';
  onChange: (invoiceId: number) => void;
  currency: string | undefined;
}

/** A dropdown of invoices, each shown with its account, date and what remains on it. */
export const InvoicePicker = ({ label, invoices, value, onChange, currency }: InvoicePickerProps) => (
  <TextField select fullWidth margin="normal" label={label} value={value} onChange={(event) => onChange(Number(event.target.value))}>
    {invoices.map((invoice) => (
      <MenuItem key={invoice.id} value={invoice.id}>
        {`${invoice.number}, ${invoice.accountName} (#${invoice.accountId}), ${formatDate(invoice.invoiceDate)}, remaining ${
          currency ? formatMoney(invoice.remaining, currency) : invoice.remaining
        }`}
      </MenuItem>
    ))}
  </TextField>
);
