import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { BillRunSummary } from './types';

/** How far a running bill run is: a share of the accounts it planned, or a moving bar until it has planned. */
export const BillRunProgressBar = ({ run }: { run: Pick<BillRunSummary, 'accounts' | 'plannedAccounts'> }) => {
  if (!run.plannedAccounts) return <LinearProgress aria-label="Bill run in progress" sx={{ minWidth: 120 }} />;
  const percent = Math.min(100, Math.floor((run.accounts * 100) / run.plannedAccounts));
  return (
    <Box sx={{ minWidth: 160 }}>
      <LinearProgress variant="determinate" value={percent} aria-label={`Bill run ${percent}% done`} />
      <Typography variant="caption">
        {run.accounts} of {run.plannedAccounts} accounts
      </Typography>
    </Box>
  );
};
