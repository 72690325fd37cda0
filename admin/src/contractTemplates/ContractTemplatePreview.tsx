import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { toApiProblem, useBackhaulDataProvider } from '../dataProvider';
import { ContractDocument } from '../billing/contracts/ContractDocument';

/** Renders what is in the editor now (saved or not) for a chosen account, as a contract written today would read. */
export const ContractTemplatePreview = ({ templateId }: { templateId: number }) => {
  const dataProvider = useBackhaulDataProvider();
  const bodyHtml = useWatch({ name: 'bodyHtml' }) as string | undefined;
  const [accountId, setAccountId] = useState('');
  const [html, setHtml] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const preview = async () => {
    if (!/^\d+$/.test(accountId.trim())) return setProblem('Enter an account number to preview with.');
    setProblem(null);
    try {
      setHtml((await dataProvider.previewContractTemplate(templateId, Number(accountId), bodyHtml)).html);
    } catch (error) {
      const p = toApiProblem(error);
      setHtml(null);
      setProblem([p.message, ...Object.values(p.fields)].join(' — '));
    }
  };

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle2">Preview</Typography>
        <Stack direction="row" spacing={1} sx={{ my: 1, alignItems: 'center' }}>
          <TextField size="small" label="Account" value={accountId} onChange={(e) => setAccountId(e.target.value)} />
          <Button variant="outlined" size="small" onClick={() => void preview()}>
            Preview
          </Button>
        </Stack>
        {problem ? (
          <Alert severity="error" sx={{ mt: 1 }} role="alert">
            {problem}
          </Alert>
        ) : null}
        {html !== null ? (
          <Paper variant="outlined" sx={{ p: 2, mt: 1 }} aria-label="Rendered contract">
            <ContractDocument html={html} />
          </Paper>
        ) : null}
      </CardContent>
    </Card>
  );
};
