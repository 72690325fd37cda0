import { Datagrid, FunctionField, Link, List, NumberField, TextField } from 'react-admin';
import { NoneText } from '../common';
import type { CdrReject } from './types';
import { RawLine, RejectReason, rejectFilters, rejectsExporter } from './rejectColumns';

/**
 * Settings › CDR rejects: the lines of every switch file that did not become calls, newest file first,
 * narrowed by reason: lines the reader could not take, and calls with no subscriber's number or no rate.
 */
export const CdrRejectList = () => (
  <List
    title="CDR rejects"
    filters={rejectFilters}
    sort={{ field: 'fileId', order: 'DESC' }}
    perPage={25}
    exporter={rejectsExporter('cdr-rejects')}
    empty={false}
  >
    <Datagrid bulkActionButtons={false} rowClick={false} empty={<NoneText>No rejected line matches.</NoneText>}>
      <FunctionField<CdrReject>
        source="fileId"
        label="File"
        render={(reject) => (
          // At least a short name's width, so the column is never squeezed to a few letters a line.
          <Link to={`/voice-cdr-files/${reject.fileId}/show`} sx={{ display: 'inline-block', minWidth: 120, overflowWrap: 'anywhere' }}>
            {reject.fileName}
          </Link>
        )}
      />
      <NumberField source="lineNo" label="Line" />
      <FunctionField<CdrReject> source="reason" label="Reason" render={(reject) => <RejectReason reject={reject} />} />
      <TextField source="message" label="Why" sortable={false} sx={{ overflowWrap: 'anywhere' }} />
      <FunctionField<CdrReject> label="Line as written" sortable={false} render={(reject) => <RawLine raw={reject.raw} />} />
    </Datagrid>
  </List>
);
