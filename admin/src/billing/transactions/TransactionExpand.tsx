import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import type { Transaction } from '../../types';
import { PaymentRefunds, PaymentReversals, ProcessorPaymentDetails, usePaymentHistory } from '../payments/PaymentSections';
import { CreditApplications } from './CreditApplications';
import { TransactionDetails } from './TransactionDetails';
import { TransactionTaxes } from './TransactionTaxes';

type Section = 'details' | 'more';
type PaymentSection = 'details' | 'reversals' | 'refunds' | 'credits';

/** An expanded transaction: a payment gets its own four sections, other rows their details and taxes or applications. */
export const TransactionExpand = ({ currency }: { currency: string | undefined }) => {
  const transaction = useRecordContext<Transaction>();
  if (!transaction) return null;
  return (
    <Box sx={{ py: 1 }} role="region" aria-label={`Transaction ${transaction.id}`}>
      {transaction.kind === 'payment' ? (
        <PaymentExpand transaction={transaction} currency={currency} />
      ) : (
        <LedgerRowExpand transaction={transaction} currency={currency} />
      )}
    </Box>
  );
};

const LedgerRowExpand = ({ transaction, currency }: { transaction: Transaction; currency: string | undefined }) => {
  const [section, setSection] = useState<Section>('details');
  const isCredit = transaction.side === 'credit';
  return (
    <>
      <Tabs value={section} onChange={(_event, value: Section) => setSection(value)} aria-label={`Transaction ${transaction.id} sections`}>
        <Tab value="details" label="Details" />
        <Tab value="more" label={isCredit ? 'Credits applied' : 'Tax transactions'} />
      </Tabs>
      <Box sx={{ pt: 2 }}>
        {section === 'details' ? <TransactionDetails transaction={transaction} currency={currency} /> : null}
        {section === 'more' && isCredit ? <CreditApplications transaction={transaction} currency={currency} /> : null}
        {section === 'more' && !isCredit ? <TransactionTaxes transaction={transaction} currency={currency} /> : null}
      </Box>
    </>
  );
};

const PaymentExpand = ({ transaction, currency }: { transaction: Transaction; currency: string | undefined }) => {
  const [section, setSection] = useState<PaymentSection>('details');
  const { data: history } = usePaymentHistory(transaction.id);
  return (
    <>
      <Tabs
        value={section}
        onChange={(_event, value: PaymentSection) => setSection(value)}
        aria-label={`Transaction ${transaction.id} sections`}
      >
        <Tab value="details" label="Details" />
        <Tab value="reversals" label="Reversals" />
        <Tab value="refunds" label="Refunds" />
        <Tab value="credits" label="Credits" />
      </Tabs>
      <Box sx={{ pt: 2 }}>
        {section === 'details' ? (
          <>
            <TransactionDetails transaction={transaction} currency={currency} />
            <ProcessorPaymentDetails history={history} />
          </>
        ) : null}
        {section === 'reversals' ? <PaymentReversals history={history} currency={currency} /> : null}
        {section === 'refunds' ? <PaymentRefunds history={history} currency={currency} /> : null}
        {section === 'credits' ? <CreditApplications transaction={transaction} currency={currency} /> : null}
      </Box>
    </>
  );
};
