import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { formatRateE4 } from '../../taxes/rateE4';
import { billingQueryKeys } from '../common/billingQueryKeys';
import { toApiProblem, useBackhaulDataProvider } from '../../dataProvider';

/** The geographic taxes whose zones contain the account's service address. */
export const GeoTaxesCard = ({ accountId }: { accountId: number }) => {
  const dataProvider = useBackhaulDataProvider();
  const {
    data = [],
    isPending,
    error,
  } = useQuery({ queryKey: billingQueryKeys.geoTaxes(accountId), queryFn: () => dataProvider.fetchGeoTaxes(accountId) });
  return (
    <Card component="section" aria-label="Geographic taxes">
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          Geographic taxes
        </Typography>
        {error ? <Alert severity="error">{toApiProblem(error).message}</Alert> : null}
        {!isPending && !error && data.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            The service address is in no tax zone (or the account has no coordinates).
          </Typography>
        ) : null}
        {data.length > 0 ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Tax</TableCell>
                <TableCell>Tax type</TableCell>
                <TableCell align="right">Rate</TableCell>
                <TableCell>Zones</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((tax) => (
                <TableRow key={tax.taxId}>
                  <TableCell>
                    {tax.taxName}
                    {tax.active ? '' : ' (inactive, not charged)'}
                  </TableCell>
                  <TableCell>{tax.taxTypeName}</TableCell>
                  <TableCell align="right">{formatRateE4(tax.rateE4)}</TableCell>
                  <TableCell>{tax.zones.map((zone) => zone.name).join(', ')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
};
