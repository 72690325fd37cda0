import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { FunctionField, ListButton, NumberField, ShowBase, TextField, Title, TopToolbar, useRecordContext } from 'react-admin';
import { formatBytes, formatDateTime } from '../accounts/formatting';
import { Mono } from '../common';
import { SubTabCard } from '../network/common/SubTabCard';
import { SubTabList } from '../network/common/SubTabList';
import { Permissions, useHasPermission } from '../permissions';
import { CdrStatusChip } from './CdrStatusChip';
import { cdrOptionWords } from './cdrOptionsWords';
import { RawLine, RejectReason, rejectFilters, rejectsExporter } from './rejectColumns';
import { RerunCdrFileButton } from './RerunCdrFileButton';
import { type CdrFile, type CdrReject, fileRejectsResource } from './types';
import { CDR_FORMAT_LABELS, CDR_SOURCE_LABELS, isImporting } from './voiceWords';

/** Seconds between looks while the file is being read. */
const IMPORTING_REFRESH_MS = 2_000;

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack sx={{ minWidth: 120 }}>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="body1" component="div" aria-label={label}>
      {children}
    </Typography>
  </Stack>
);

/** The file's rejected lines, looked at again whenever the import has rejected more, so they follow it as it reads. */
const FileRejects = ({ file }: { file: CdrFile }) => {
  const queryClient = useQueryClient();
  const resource = fileRejectsResource(file.id);
  const seen = useRef<string | null>(null);
  const progress = `${file.status}:${file.linesRejected}`;
  useEffect(() => {
    if (seen.current !== null && seen.current !== progress) void queryClient.invalidateQueries({ queryKey: [resource] });
    seen.current = progress;
  }, [progress, queryClient, resource]);
  return (
    <SubTabCard title="Rejected lines">
      <SubTabList<CdrReject>
        resource={resource}
        filters={rejectFilters}
        sort={{ field: 'lineNo', order: 'ASC' }}
        exporter={rejectsExporter(`cdr-rejects-file-${file.id}`)}
        label="Rejected lines"
        none={isImporting(file) ? 'No line rejected so far.' : 'Every line of the file became a call.'}
        noneMatching="No rejected line matches the filters."
        rowLabel={(reject) => `Line ${reject.lineNo}`}
      >
        <NumberField source="lineNo" label="Line" />
        <FunctionField<CdrReject> source="reason" label="Reason" render={(reject) => <RejectReason reject={reject} />} />
        <TextField source="message" label="Why" sortable={false} sx={{ overflowWrap: 'anywhere' }} />
        <FunctionField<CdrReject> label="Line as written" sortable={false} render={(reject) => <RawLine raw={reject.raw} />} />
      </SubTabList>
    </SubTabCard>
  );
};

const FilePage = () => {
  const file = useRecordContext<CdrFile>();
  const canManage = useHasPermission(Permissions.VoiceManage);
  if (!file) return null;
  const reading = isImporting(file);
  return (
    <>
      <Title title={`CDR file ${file.name}`} />
      <TopToolbar>
        <ListButton label="All CDR files" />
        {canManage && !reading ? <RerunCdrFileButton file={file} /> : null}
      </TopToolbar>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
            <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
              {file.name}
            </Typography>
            <CdrStatusChip status={file.status} />
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {CDR_FORMAT_LABELS[file.format]} by {CDR_SOURCE_LABELS[file.source].toLowerCase()}, {formatBytes(file.byteSize)}, received{' '}
            {formatDateTime(file.createdAt)}. Read with {cdrOptionWords(file).join('; ')}.
          </Typography>
          {reading ? <LinearProgress aria-label="Import in progress" sx={{ mt: 2 }} /> : null}
          {file.status === 'failed' ? (
            <Alert severity="error" sx={{ mt: 2 }}>
              The file could not be read through: {file.failure ?? 'no reason was recorded'}. Calls read before it stopped are kept; read it
              again once the cause is put right.
            </Alert>
          ) : null}
          <Stack direction="row" sx={{ mt: 2, gap: 4, flexWrap: 'wrap' }}>
            <Fact label="Lines read">{file.linesRead.toLocaleString()}</Fact>
            <Fact label="Calls recorded">{file.callsRecorded.toLocaleString()}</Fact>
            <Fact label="Duplicates">{file.callsDuplicate.toLocaleString()}</Fact>
            <Fact label="Rejected">{file.linesRejected.toLocaleString()}</Fact>
            <Fact label="Started">{formatDateTime(file.startedAt)}</Fact>
            <Fact label="Finished">{formatDateTime(file.finishedAt)}</Fact>
          </Stack>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 2 }}>
            SHA-256 <Mono wrap="anywhere">{file.sha256}</Mono>
          </Typography>
        </CardContent>
      </Card>
      <FileRejects file={file} />
    </>
  );
};

/** One switch file: how it was read, its counts as the import goes (looked at again every few seconds), and its rejected lines. */
export const CdrFileShow = () => (
  <ShowBase
    queryOptions={{
      refetchInterval: (query) => {
        const file = query.state.data as CdrFile | undefined;
        return file && isImporting(file) ? IMPORTING_REFRESH_MS : false;
      },
    }}
  >
    <FilePage />
  </ShowBase>
);
