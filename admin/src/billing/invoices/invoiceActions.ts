import type { Invoice } from '../../types';

export type InvoiceAction = 'edit' | 'link' | 'unlink' | 'void' | 'apply-credits' | 'delete' | 'email';

export type InvoiceDialogState = { action: InvoiceAction; invoice: Invoice } | { action: 'create' } | { action: 'generate' } | null;

export type OnInvoiceAction = (action: InvoiceAction, invoice: Invoice) => void;
