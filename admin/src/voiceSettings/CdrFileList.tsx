import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import {
  Datagrid,
  DateField,
  ExportButton,
  type Exporter,
  FunctionField,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import { Caption, NoneText } from '../common';
import { downloadRows } from '../correspondence/csv';
import { Permissions, useHasPermission } from '../permissions';
import { CdrStatusChip } from './CdrStatusChip';
import { CheckFolderButton } from './CheckFolderButton';
import { RerunCdrFileButton } from './RerunCdrFileButton';
import { CDR_FILE_STATUSES, type CdrFile } from './types';
import { UploadCdrFileButton } from './UploadCdrFileButton';
import { CDR_FORMAT_LABELS, CDR_SOURCE_LABELS, CDR_STATUS_LABELS, isImporting } from './voiceWords';

const filters = [
  <SearchInput key="q" source="q" placeholder="File name" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={CDR_FILE_STATUSES.map((status) => ({ id: status, name: CDR_STATUS_LABELS[status] }))}
    alwaysOn
  />,
  <SelectInput
    key="source"
    source="source"
    label="Came by"
    choices={Object.entries(CDR_SOURCE_LABELS).map(([id, name]) => ({ id, name }))}
    alwaysOn
  />,
];

const exporter: Exporter<CdrFile> = (files) =>
  downloadRows(
    'cdr-files',
    [
      'id',
      'name',
      'source',
      'format',
      'status',
      'lines_read',
      'calls_recorded',
      'calls_duplicate',
      'lines_rejected',
      'failure',
      'sha256',
      'byte_size',
      'received_at',
      'started_at',
      'finished_at',
    ],
    files.map((f) => [
      f.id,
      f.name,
      f.source,
      f.format,
      f.status,
      f.linesRead,
      f.callsRecorded,
      f.callsDuplicate,
      f.linesRejected,
      f.failure,
      f.sha256,
      f.byteSize,
      f.createdAt,
      f.startedAt,
      f.finishedAt,
    ]),
  );

const Actions = () => {
  const canManage = useHasPermission(Permissions.VoiceManage);
  return (
    <TopToolbar>
      {canManage ? (
        <>
          <UploadCdrFileButton />
          <CheckFolderButton />
        </>
      ) : null}
      <ExportButton />
    </TopToolbar>
  );
};

/** Seconds between looks while a file of the page is being read. */
const IMPORTING_REFRESH_MS = 2_000;

/**
 * Settings › CDR files: the switch files received, by upload or from the watched folder, newest first,
 * and how far each import is; the list looks again every few seconds while one is being read. A row
 * opens the file's page with its rejected lines.
 */
export const CdrFileList = () => {
  const canManage = useHasPermission(Permissions.VoiceManage);
  return (
    <List
      title="CDR files"
      filters={filters}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      exporter={exporter}
      actions={<Actions />}
      // With none yet, the upload must still show.
      empty={false}
      queryOptions={{
        refetchInterval: (query) =>
          (query.state.data?.data ?? []).some((file: CdrFile) => isImporting(file)) ? IMPORTING_REFRESH_MS : false,
      }}
    >
      <Datagrid bulkActionButtons={false} rowClick="show" empty={<NoneText>No CDR file matches.</NoneText>}>
        <FunctionField<CdrFile>
          source="name"
          label="File"
          render={(file) => (
            <Stack>
              <span style={{ overflowWrap: 'anywhere' }}>{file.name}</span>
              <Caption>
                {CDR_FORMAT_LABELS[file.format]} · {CDR_SOURCE_LABELS[file.source].toLowerCase()}
              </Caption>
            </Stack>
          )}
        />
        <FunctionField<CdrFile>
          source="status"
          label="Status"
          render={(file) => (
            <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
              <CdrStatusChip status={file.status} />
              {isImporting(file) ? <LinearProgress aria-label={`Importing ${file.name}`} sx={{ width: 90 }} /> : null}
            </Stack>
          )}
        />
        <NumberField source="linesRead" label="Lines read" sortable={false} />
        <NumberField source="callsRecorded" label="Calls recorded" sortable={false} />
        <NumberField source="callsDuplicate" label="Duplicates" sortable={false} />
        <NumberField source="linesRejected" label="Rejected" sortable={false} />
        <DateField source="startedAt" label="Started" showTime sortable={false} emptyText="—" />
        <DateField source="finishedAt" label="Finished" showTime emptyText="—" />
        {canManage ? (
          <FunctionField<CdrFile>
            label=""
            textAlign="right"
            render={(file) => (file.status === 'failed' ? <RerunCdrFileButton file={file} /> : null)}
          />
        ) : null}
      </Datagrid>
    </List>
  );
};
