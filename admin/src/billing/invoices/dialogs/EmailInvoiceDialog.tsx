import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Invoice } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { toApiProblem, useBackhaulDataProvider } from '../../../dataProvider';
import type { InvoiceEmailRecipients } from '../../../types';

/** Shows who the invoice goes to (and whether as invoice or statement) before anything is sent. */
export const EmailInvoiceDialog = ({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const [who, setWho] = useState<InvoiceEmailRecipients | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    dataProvider.fetchInvoiceEmailRecipients(invoice.id).then(
      (r) => live && setWho(r),
      (e: unknown) => live && setLoadError(toApiProblem(e).message),
    );
    return () => {
      live = false;
    };
  }, [invoice.id]);

  const confirm = async () => {
    const result = await dataProvider.emailInvoice(invoice.id);
    const n = result.emails.length;
    return `Invoice ${invoice.number} queued for ${n} recipient${n === 1 ? '' : 's'}`;
  };
  const nobody = who !== null && who.recipients.length === 0;

  return (
    <ActionDialog
      title={`Email invoice ${invoice.number}?`}
      confirmLabel="Send email"
      onConfirm={confirm}
      onClose={onClose}
      disabled={who === null || nobody}
    >
      {loadError ? <Alert severity="error">{loadError}</Alert> : null}
      {who === null && !loadError ? <CircularProgress size={24} aria-label="Loading recipients" /> : null}
      {who !== null ? (
        <>
          <Typography variant="body2">
            The {who.billMode === 'statement' ? 'statement' : 'invoice'} PDF goes, attached to the “{who.templateKey}” message, to each
            contact of the account with an email address and the “{who.categoryName}” message category.
          </Typography>
          {nobody ? (
            <Alert severity="warning" sx={{ mt: 2 }}>
              No contact has an email address and the “{who.categoryName}” message category ticked.
            </Alert>
          ) : (
            <List dense aria-label="Recipients">
              {who.recipients.map((r) => (
                <ListItem key={r.contactId} disableGutters>
                  <ListItemText primary={r.name} secondary={r.email} />
                </ListItem>
              ))}
            </List>
          )}
        </>
      ) : null}
    </ActionDialog>
  );
};
