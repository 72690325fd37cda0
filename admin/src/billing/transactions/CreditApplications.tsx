import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../accounts/formatting';
import type { Transaction } from '../../types';
import { billingQueryKeys } from '../common/billingQueryKeys';
import { Money } from '../common/Money';
import { useBackhaulDataProvider } from '../../dataProvider';

/** Where a credit went: each invoice it paid, including applications later taken off. */
export const CreditApplications = ({ transaction, currency }: { transaction: Transaction; currency: string | undefined }) => {
  const dataProvider = useBackhaulDataProvider();
  const { data, isPending } = useQuery({
    queryKey: billingQueryKeys.applications(transaction.id),
    queryFn: () => dataProvider.fetchApplications(transaction.id),
  });
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        This credit has not been applied to an invoice.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`Applications of transaction ${transaction.id}`}>
      <TableHead>
        <TableRow>
          <TableCell>Invoice</TableCell>
          <TableCell align="right">Amount</TableCell>
          <TableCell>Applied</TableCell>
          <TableCell>Taken off</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((application) => (
          <TableRow key={application.id} sx={application.removedAt ? { '& td': { color: 'text.disabled' } } : undefined}>
            <TableCell>{application.invoiceNumber}</TableCell>
            <TableCell align="right">
              <Money amount={application.amount} currency={currency} />
            </TableCell>
            <TableCell>{formatDateTime(application.appliedAt)}</TableCell>
            <TableCell>
              {application.removedAt
                ? `${formatDateTime(application.removedAt)}${application.removedReason ? ` (${application.removedReason})` : ''}`
                : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
