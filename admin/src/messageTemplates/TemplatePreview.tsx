import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';
import type { RenderedMessage } from '../types';

const idOrUndefined = (value: string): number | undefined => (/^\d+$/.test(value.trim()) ? Number(value) : undefined);

/** Renders what is in the editor now (saved or not) for a real account, invoice or payment. */
export const TemplatePreview = ({ templateKey }: { templateKey: string }) => {
  const dataProvider = useBackhaulDataProvider();
  const subject = useWatch({ name: 'subject' }) as string | undefined;
  const bodyText = useWatch({ name: 'bodyText' }) as string | undefined;
  const [accountId, setAccountId] = useState('');
  const [invoiceId, setInvoiceId] = useState('');
  const [paymentId, setPaymentId] = useState('');
  const [rendered, setRendered] = useState<RenderedMessage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const preview = async () => {
    const account = idOrUndefined(accountId);
    if (account === undefined) return setProblem('Enter an account number to preview with.');
    setProblem(null);
    try {
      setRendered(
        await dataProvider.previewTemplate(templateKey, {
          accountId: account,
          invoiceId: idOrUndefined(invoiceId),
          paymentId: idOrUndefined(paymentId),
          subject,
          bodyText,
        }),
      );
    } catch (error) {
      const p = toApiProblem(error);
      setRendered(null);
      setProblem([p.message, ...Object.values(p.fields)].join(' — '));
    }
  };

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle2">Preview</Typography>
        <Stack direction="row" spacing={1} sx={{ my: 1 }}>
          <TextField size="small" label="Account" value={accountId} onChange={(e) => setAccountId(e.target.value)} />
          <TextField size="small" label="Invoice ID" value={invoiceId} onChange={(e) => setInvoiceId(e.target.value)} />
          <TextField size="small" label="Payment ID" value={paymentId} onChange={(e) => setPaymentId(e.target.value)} />
        </Stack>
        <Button variant="outlined" size="small" onClick={() => void preview()}>
          Preview
        </Button>
        {problem ? (
          <Alert severity="error" sx={{ mt: 1 }} role="alert">
            {problem}
          </Alert>
        ) : null}
        {rendered ? (
          <div aria-label="Rendered message">
            <Typography variant="body2" sx={{ mt: 2, fontWeight: 600 }}>
              {rendered.subject}
            </Typography>
            <Typography variant="body2" component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
              {rendered.text}
            </Typography>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
};
