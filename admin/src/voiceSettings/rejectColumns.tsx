import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { type Exporter, SearchInput, SelectInput } from 'react-admin';
import { downloadRows } from '../correspondence/csv';
import { CDR_REJECT_REASONS, type CdrReject } from './types';
import { REJECT_REASON_LABELS } from './voiceWords';

export const reasonChoices = CDR_REJECT_REASONS.map((reason) => ({ id: reason, name: REJECT_REASON_LABELS[reason] }));

/** The reasons a line is read as a call and still set aside: the file was fine, the instance's data was not. */
const AFTER_READING = new Set<CdrReject['reason']>(['unmatched', 'no_rate']);

export const RejectReason = ({ reject }: { reject: CdrReject }) => (
  <Chip
    size="small"
    variant="outlined"
    color={AFTER_READING.has(reject.reason) ? 'warning' : 'error'}
    label={REJECT_REASON_LABELS[reject.reason]}
    title={reject.reason}
  />
);

/** The line exactly as the switch wrote it, in monospace, broken anywhere so a long line never widens the page. */
export const RawLine = ({ raw }: { raw: string }) => (
  <Box
    component="code"
    sx={{ display: 'block', fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', maxWidth: 560 }}
  >
    {raw}
  </Box>
);

export const rejectFilters = [
  <SelectInput key="reason" source="reason" label="Reason" choices={reasonChoices} alwaysOn />,
  <SearchInput key="q" source="q" placeholder="Text in the line or message" alwaysOn />,
];

export const rejectsExporter =
  (filename: string): Exporter<CdrReject> =>
  (rejects) =>
    downloadRows(
      filename,
      ['file_id', 'file_name', 'line', 'reason', 'message', 'raw_line'],
      rejects.map((r) => [r.fileId, r.fileName, r.lineNo, r.reason, r.message, r.raw]),
    );
