import MuiLink from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-admin';
import { formatDate } from '../../../accounts/formatting';
import type { Invoice } from '../../../types';
import { billingQueryKeys } from '../../common/billingQueryKeys';
import { Money } from '../../common/Money';
import { invoicePdfUrl, useBackhaulDataProvider } from '../../../dataProvider';

/** Children's invoices linked under this one; the parent pays what remains on them. */
export const ChildInvoices = ({ invoice, currency }: { invoice: Invoice; currency: string | undefined }) => {
  const dataProvider = useBackhaulDataProvider();
  const { data, isPending } = useQuery({
    queryKey: billingQueryKeys.childInvoices(invoice.id),
    queryFn: () => dataProvider.listInvoices({ parentInvoiceId: invoice.id }),
  });
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        No child invoices are linked to this invoice.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`Child invoices of ${invoice.number}`}>
      <TableHead>
        <TableRow>
          <TableCell>Date</TableCell>
          <TableCell>Invoice</TableCell>
          <TableCell>Account</TableCell>
          <TableCell align="right">Remaining</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((child) => (
          <TableRow key={child.id}>
            <TableCell>{formatDate(child.invoiceDate)}</TableCell>
            <TableCell>
              <MuiLink href={invoicePdfUrl(child.id)} target="_blank" rel="noopener" aria-label={`Invoice ${child.number}`}>
                {child.number}
              </MuiLink>
            </TableCell>
            <TableCell>
              <Link to={`/accounts/${child.accountId}/show/billing/invoices`}>{`${child.accountName} (#${child.accountId})`}</Link>
            </TableCell>
            <TableCell align="right">
              <Money amount={child.remaining} currency={currency} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
