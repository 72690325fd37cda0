import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ShowBase, Title, useRecordContext } from 'react-admin';
import { formatDateTime } from '../accounts/formatting';
import { askedBySentence, ReconciliationStatus, repairWords } from './reconciliationWords';
import type { ReconciliationDetail } from './types';

const Repairs = ({ run }: { run: ReconciliationDetail }) => {
  const repairs = run.repairList ?? [];
  if (repairs.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        Nothing needed repair: the servers held what Backhaul holds.
      </Typography>
    );
  return (
    <Table size="small" aria-label="Repairs">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '18%' }}>Server</TableCell>
          <TableCell>What was wrong</TableCell>
          <TableCell sx={{ width: '28%' }}>What was changed</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {repairs.map((repair, i) => (
          <TableRow key={i}>
            <TableCell>{repair.server}</TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{repair.found || '—'}</TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{repair.done}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Report = () => {
  const run = useRecordContext<ReconciliationDetail>();
  if (!run) return null;
  const when =
    run.status === 'running'
      ? `Started ${formatDateTime(run.startedAt)}`
      : `Started ${formatDateTime(run.startedAt)}, finished ${formatDateTime(run.finishedAt)}`;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={`Network reconciliation #${run.id}`} />
      <CardHeader
        title={
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5 }}>
            <span>Reconciliation #{run.id}</span>
            <ReconciliationStatus status={run.status} />
          </Stack>
        }
        subheader={`${askedBySentence(run)} · ${when}`}
      />
      <CardContent sx={{ pt: 0 }}>
        {run.status === 'running' ? <LinearProgress aria-label="Reconciliation in progress" sx={{ mb: 2 }} /> : null}
        {run.status === 'failed' ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            It stopped before it finished: {run.error?.replace(/[.]+$/, '') ?? 'no reason was recorded'}. What it had repaired stays
            repaired; the next one carries on.
          </Alert>
        ) : null}
        {run.status === 'completed' ? (
          <>
            <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
              {repairWords(run, run.repairList?.length ?? 0)}
            </Typography>
            <Repairs run={run} />
            {run.report?.handedOver ? (
              <Typography variant="body2" sx={{ mt: 2 }}>
                Pending changes of {run.report.handedOver} {run.report.handedOver === 1 ? 'account or server' : 'accounts or servers'} had
                never reached their provisioning run, and were handed to it.
              </Typography>
            ) : null}
            {run.report?.skipped.length ? (
              <Alert severity="info" sx={{ mt: 2 }}>
                Not compared: {run.report.skipped.join('; ')}.
              </Alert>
            ) : null}
          </>
        ) : null}
      </CardContent>
    </Card>
  );
};

/** One reconciliation: who asked for it, and each repair with its server, what was wrong and what was changed. */
export const NetworkReconciliationShow = () => (
  <ShowBase
    queryOptions={{
      refetchInterval: (query) => ((query.state.data as ReconciliationDetail | undefined)?.status === 'running' ? 2000 : false),
    }}
  >
    <Report />
  </ShowBase>
);
