import MoreIcon from '@mui/icons-material/MoreVert';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { Permissions, useHasPermission } from '../../permissions';
import type { Invoice } from '../../types';
import type { InvoiceAction, OnInvoiceAction } from './invoiceActions';
import { invoicePdfUrl, statementPdfUrl } from '../../dataProvider';

interface InvoiceActionsMenuProps {
  onAction: OnInvoiceAction;
  /** The account has child accounts, so their invoices can be linked under this one. */
  hasChildren: boolean;
  label?: string;
}

/** Per-invoice actions; each that changes something opens its own confirmation dialog. */
export const InvoiceActionsMenu = ({ onAction, hasChildren }: InvoiceActionsMenuProps) => {
  const invoice = useRecordContext<Invoice>();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const canManage = useHasPermission(Permissions.BillingManage);
  const canVoid = useHasPermission(Permissions.BillingVoid);
  const canLink = useHasPermission(Permissions.BillingChildAccounts);
  const canEmail = useHasPermission(Permissions.CorrespondenceWrite);
  if (!invoice) return null;

  const open = !invoice.void;
  const items: { action: InvoiceAction; label: string; show: boolean }[] = [
    { action: 'edit', label: 'Edit (freeze, message)', show: canManage && open },
    { action: 'email', label: 'Email invoice', show: canEmail && open },
    { action: 'apply-credits', label: 'Apply credits', show: canManage && open && !invoice.frozen && invoice.remaining > 0 },
    { action: 'link', label: 'Link a child invoice', show: canLink && open && hasChildren },
    {
      action: 'unlink',
      label: invoice.parentInvoiceId ? 'Unlink parent invoice' : 'Unlink a child invoice',
      show: canLink && (invoice.parentInvoiceId !== null || hasChildren),
    },
    { action: 'void', label: 'Void', show: canVoid && open },
    { action: 'delete', label: 'Delete', show: canVoid && invoice.manual },
  ];
  const choose = (action: InvoiceAction) => {
    setAnchor(null);
    onAction(action, invoice);
  };

  return (
    // Clicks here must not toggle the row's expansion.
    <span onClick={(event) => event.stopPropagation()}>
      <IconButton size="small" aria-label={`Actions for invoice ${invoice.number}`} onClick={(event) => setAnchor(event.currentTarget)}>
        <MoreIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem component="a" href={invoicePdfUrl(invoice.id)} download onClick={() => setAnchor(null)}>
          <ListItemText>Download invoice (PDF)</ListItemText>
        </MenuItem>
        <MenuItem component="a" href={statementPdfUrl(invoice.id)} download onClick={() => setAnchor(null)}>
          <ListItemText>Download statement (PDF)</ListItemText>
        </MenuItem>
        {items
          .filter((item) => item.show)
          .map((item) => (
            <MenuItem key={item.action} onClick={() => choose(item.action)}>
              <ListItemText>{item.label}</ListItemText>
            </MenuItem>
          ))}
      </Menu>
    </span>
  );
};
