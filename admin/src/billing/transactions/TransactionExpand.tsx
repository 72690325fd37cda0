import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import type { Transaction } from '../../types';
import { CreditApplications } from './CreditApplications';
import { TransactionDetails } from './TransactionDetails';
import { TransactionTaxes } from './TransactionTaxes';

type Section = 'details' | 'more';

/** An expanded transaction: its details, then its taxes (debits) or where it was applied (credits). */
export const TransactionExpand = ({ currency }: { currency: string | undefined }) => {
  const transaction = useRecordContext<Transaction>();
  const [section, setSection] = useState<Section>('details');
  if (!transaction) return null;
  const isCredit = transaction.side === 'credit';
  return (
    <Box sx={{ py: 1 }} role="region" aria-label={`Transaction ${transaction.id}`}>
      <Tabs value={section} onChange={(_event, value: Section) => setSection(value)} aria-label={`Transaction ${transaction.id} sections`}>
        <Tab value="details" label="Details" />
        <Tab value="more" label={isCredit ? 'Credits applied' : 'Tax transactions'} />
      </Tabs>
      <Box sx={{ pt: 2 }}>
        {section === 'details' ? <TransactionDetails transaction={transaction} currency={currency} /> : null}
        {section === 'more' && isCredit ? <CreditApplications transaction={transaction} currency={currency} /> : null}
        {section === 'more' && !isCredit ? <TransactionTaxes transaction={transaction} currency={currency} /> : null}
      </Box>
    </Box>
  );
};
