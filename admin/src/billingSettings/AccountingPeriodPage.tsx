import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title } from 'react-admin';
import { formatDate } from '../accounts/formatting';
import { isCalendarDate, localToday } from '../billing/common/dates';
import { DateTextField } from '../billing/common/DateTextField';
import { AutoCloseForm } from './AutoCloseForm';
import { CloseAccountingPeriodDialog } from './CloseAccountingPeriodDialog';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';

/** #/accounting-period: the close date of the books and the automatic monthly close. */
export const AccountingPeriodPage = () => {
  const dataProvider = useBackhaulDataProvider();
  const {
    data: period,
    error,
    refetch,
    dataUpdatedAt,
  } = useQuery({ queryKey: ['accounting-period'], queryFn: dataProvider.fetchAccountingPeriod });
  const [closeDate, setCloseDate] = useState('');
  const [confirming, setConfirming] = useState(false);
  const today = localToday();
  const movesForward = isCalendarDate(closeDate) && closeDate <= today && (!period?.closeDate || closeDate > period.closeDate);

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="Accounting period" />
      {error ? <Alert severity="error">{toApiProblem(error).message}</Alert> : null}
      {!period && !error ? <Loading /> : null}
      {period ? (
        <Stack spacing={2}>
          <Card component="section" aria-label="Close date">
            <CardContent>
              <Typography variant="h6" component="h2">
                Closed through
              </Typography>
              <Typography variant="h4" component="p" data-testid="close-date" sx={{ my: 1 }}>
                {period.closeDate ? formatDate(period.closeDate) : 'Never closed'}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                Transactions and invoices dated on or before the close date are final.
              </Typography>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
                <DateTextField
                  label="New close date"
                  value={closeDate}
                  onChange={setCloseDate}
                  helperText={closeDate && !movesForward ? 'After the current close date and not after today' : ' '}
                  error={Boolean(closeDate) && !movesForward}
                />
                <Button
                  variant="contained"
                  color="error"
                  disabled={!movesForward}
                  onClick={() => setConfirming(true)}
                  sx={{ mt: 1, flexShrink: 0 }}
                >
                  Close period
                </Button>
              </Stack>
            </CardContent>
          </Card>
          <AutoCloseForm key={dataUpdatedAt} period={period} onSaved={() => void refetch()} />
        </Stack>
      ) : null}
      {confirming && period ? (
        <CloseAccountingPeriodDialog
          period={period}
          closeDate={closeDate}
          onSaved={() => {
            setCloseDate('');
            void refetch();
          }}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </Box>
  );
};
