import UploadIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useRefresh } from 'react-admin';
import { Mono } from '../common';
import { errorMessage, useBackhaulDataProvider } from '../dataProvider';
import { type DeckProblem, deckProblems } from './deckProblems';
import type { RateDeckImport, RatePlan } from './types';
import { plural } from './voiceWords';

type Outcome = { imported: RateDeckImport } | { refused: string; problems: DeckProblem[] } | { failed: string } | null;

const Problems = ({ problems }: { problems: DeckProblem[] }) => (
  <Box sx={{ maxHeight: '45vh', overflow: 'auto', mt: 1 }}>
    <Table size="small" stickyHeader aria-label="Problems in the rate deck">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 64 }}>Line</TableCell>
          <TableCell sx={{ width: 120 }}>Column</TableCell>
          <TableCell sx={{ width: 110 }}>Rule</TableCell>
          <TableCell>Problem</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {problems.map((problem, i) => (
          <TableRow key={i}>
            <TableCell>{problem.line ?? '—'}</TableCell>
            <TableCell>
              <Mono>{problem.column}</Mono>
            </TableCell>
            <TableCell>
              <Mono>{problem.rule}</Mono>
            </TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{problem.message}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </Box>
);

/**
 * "Import rate deck": a CSV replaces the plan's whole deck. The server reads the file through before
 * writing anything, so a refused file keeps nothing and the plan's rates stay as they were; its
 * problems are listed with their line, column and rule.
 */
export const ImportDeckButton = ({ plan }: { plan: RatePlan }) => {
  const dataProvider = useBackhaulDataProvider();
  const refresh = useRefresh();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const busy = progress !== null;

  const close = () => {
    if (busy) return;
    setOpen(false);
    setFile(null);
    setOutcome(null);
  };

  const send = async () => {
    if (!file) return;
    setOutcome(null);
    setProgress(0);
    try {
      const imported = await dataProvider.importRateDeck(plan.id, file, setProgress);
      setOutcome({ imported });
      refresh();
    } catch (error) {
      const problems = deckProblems(error);
      setOutcome(problems.length ? { refused: errorMessage(error), problems } : { failed: errorMessage(error) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <Button size="small" variant="contained" startIcon={<UploadIcon />} onClick={() => setOpen(true)}>
        Import rate deck
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="md">
        <DialogTitle id={titleId}>Import a rate deck into {plan.name}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            A CSV file whose header names the columns <Mono>prefix</Mono>, <Mono>description</Mono>, <Mono>direction</Mono>,{' '}
            <Mono>rate</Mono>, <Mono>minimum</Mono>, <Mono>increment</Mono> and optionally <Mono>effective_from</Mono> (YYYY-MM-DD). Rates
            are a decimal of the currency a minute, such as 0.0045; minimum and increment are seconds.
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {plan.rates === 0
              ? "The file becomes the plan's deck only when every line of it is right."
              : `The file replaces the plan's ${plural(plan.rates, 'rate', 'rates')} as a whole, and only when every line of it is right.`}
          </Typography>
          <Button component="label" variant="outlined" size="small" disabled={busy}>
            Choose CSV file
            <input
              type="file"
              hidden
              accept=".csv,text/csv,text/plain"
              aria-label="Rate deck CSV file"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setOutcome(null);
                event.target.value = '';
              }}
            />
          </Button>
          <Typography variant="body2" component="span" sx={{ ml: 1 }}>
            {file ? file.name : 'No file chosen'}
          </Typography>
          {busy ? <LinearProgress variant="determinate" value={progress} sx={{ mt: 2 }} aria-label="Upload progress" /> : null}
          {outcome && 'imported' in outcome ? (
            <Alert severity="success" sx={{ mt: 2 }} role="status">
              <AlertTitle>Rate deck imported</AlertTitle>
              The plan now has {plural(outcome.imported.rates, 'rate', 'rates')}: {outcome.imported.outbound.toLocaleString()} outbound and{' '}
              {outcome.imported.inbound.toLocaleString()} inbound.
              {outcome.imported.replaced > 0
                ? ` The ${plural(outcome.imported.replaced, 'rate', 'rates')} it had before were replaced.`
                : ''}
            </Alert>
          ) : null}
          {outcome && 'refused' in outcome ? (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              <AlertTitle>Nothing was kept: the plan's rates are as they were</AlertTitle>
              {outcome.refused}
              <Problems problems={outcome.problems} />
            </Alert>
          ) : null}
          {outcome && 'failed' in outcome ? (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              <AlertTitle>Nothing was kept: the plan's rates are as they were</AlertTitle>
              {outcome.failed}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            {outcome && 'imported' in outcome ? 'Close' : 'Cancel'}
          </Button>
          <Button variant="contained" onClick={() => void send()} disabled={!file || busy || (outcome !== null && 'imported' in outcome)}>
            Upload
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
