import Button from '@mui/material/Button';
import { useState } from 'react';
import { ProcessorPaymentDialog } from './ProcessorPaymentDialog';

/** The Transactions toolbar's way into card and bank payments. */
export const ProcessorPaymentButton = ({ accountId, currency }: { accountId: number; currency: string | undefined }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" variant="contained" onClick={() => setOpen(true)}>
        Card or bank payment
      </Button>
      {open ? <ProcessorPaymentDialog accountId={accountId} currency={currency} onClose={() => setOpen(false)} /> : null}
    </>
  );
};
