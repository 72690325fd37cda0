import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title } from 'react-admin';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';

/** #/books-check: recomputes the books from the raw ledger rows and lists every disagreement. */
export const BooksCheckPage = () => {
  const dataProvider = useBackhaulDataProvider();
  const [accountId, setAccountId] = useState('');
  const validAccount = accountId.trim() === '' || /^[1-9]\d{0,9}$/.test(accountId.trim());
  const check = useMutation({ mutationFn: () => dataProvider.fetchBooksReport(accountId.trim() ? Number(accountId) : undefined) });
  const report = check.data;

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="Books check" />
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Every balance, invoice total and credit is recomputed from the transactions and compared with what is stored.
          </Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', mb: 2 }}>
            <TextField
              label="Account ID"
              value={accountId}
              onChange={(event) => setAccountId(event.target.value)}
              error={!validAccount}
              helperText="Blank: every account"
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            />
            <Button
              variant="contained"
              onClick={() => check.mutate()}
              disabled={!validAccount || check.isPending}
              sx={{ mt: 1, flexShrink: 0 }}
            >
              Check the books
            </Button>
          </Stack>
          {check.error ? <Alert severity="error">{toApiProblem(check.error).message}</Alert> : null}
          {report ? (
            <>
              <Typography variant="body2" sx={{ mb: 1 }}>
                Accounts checked: {report.accounts}; invoices: {report.invoices}; transactions: {report.transactions}.
              </Typography>
              {report.mismatches.length === 0 ? (
                <Alert severity="success" role="status">
                  The books balance: nothing disagrees.
                </Alert>
              ) : (
                <>
                  <Alert severity="error" sx={{ mb: 1 }}>
                    {report.mismatches.length} disagreement(s) found.
                  </Alert>
                  <Table size="small" aria-label="Mismatches">
                    <TableHead>
                      <TableRow>
                        <TableCell>Check</TableCell>
                        <TableCell>Entity</TableCell>
                        <TableCell>Account</TableCell>
                        <TableCell>Expected</TableCell>
                        <TableCell>Stored</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {report.mismatches.map((mismatch, index) => (
                        <TableRow key={`${mismatch.check}-${mismatch.entity}-${index}`}>
                          <TableCell>{mismatch.check}</TableCell>
                          <TableCell>{mismatch.entity}</TableCell>
                          <TableCell>
                            {mismatch.accountId ? (
                              <Link to={`/accounts/${mismatch.accountId}/show/billing`}>#{mismatch.accountId}</Link>
                            ) : (
                              '—'
                            )}
                          </TableCell>
                          <TableCell>{mismatch.expected}</TableCell>
                          <TableCell>{mismatch.actual}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </>
              )}
            </>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
};
