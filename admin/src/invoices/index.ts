import InvoiceIcon from '@mui/icons-material/Receipt';
import { InvoicesList } from './InvoicesList';

export const invoices = { list: InvoicesList, icon: InvoiceIcon, recordRepresentation: 'number', options: { label: 'Invoices' } };
