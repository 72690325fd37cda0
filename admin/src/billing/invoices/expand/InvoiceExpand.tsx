import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import type { Invoice } from '../../../types';
import { ChildInvoices } from './ChildInvoices';
import { InvoiceCharges } from './InvoiceCharges';
import { InvoiceDetails } from './InvoiceDetails';

type Section = 'details' | 'transactions' | 'children';

/** An expanded invoice row: its details, the transactions on it and the child invoices under it. */
export const InvoiceExpand = ({ currency }: { currency: string | undefined }) => {
  const invoice = useRecordContext<Invoice>();
  const [section, setSection] = useState<Section>('details');
  if (!invoice) return null;
  return (
    <Box sx={{ py: 1 }} role="region" aria-label={`Invoice ${invoice.number}`}>
      <Tabs value={section} onChange={(_event, value: Section) => setSection(value)} aria-label={`Invoice ${invoice.number} sections`}>
        <Tab value="details" label="Details" />
        <Tab value="transactions" label="Transactions" />
        <Tab value="children" label="Child invoices" />
      </Tabs>
      <Box sx={{ pt: 2 }}>
        {section === 'details' ? <InvoiceDetails invoice={invoice} currency={currency} /> : null}
        {section === 'transactions' ? <InvoiceCharges invoice={invoice} currency={currency} /> : null}
        {section === 'children' ? <ChildInvoices invoice={invoice} currency={currency} /> : null}
      </Box>
    </Box>
  );
};
