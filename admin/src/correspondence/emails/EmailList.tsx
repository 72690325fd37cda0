import Button from '@mui/material/Button';
import { Datagrid, ExportButton, FunctionField, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { formatDateTime } from '../../accounts/formatting';
import type { Email } from '../types';
import { emailsResource } from '../resources';
import { emailExporter, emailFilters, renderRejectReason } from './emailColumns';
import { EmailStatusChip } from './EmailStatusChip';

interface EmailListProps {
  accountId: number;
  canWrite: boolean;
  onOpen: (email: Email) => void;
  onResend: (email: Email) => void;
}

/** Every email to the account, newest first; a row opens its content. */
export const EmailList = ({ accountId, canWrite, onOpen, onResend }: EmailListProps) => (
  <List
    resource={emailsResource(accountId)}
    filters={emailFilters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    disableSyncWithLocation
    storeKey={false}
    exporter={emailExporter(`emails-account-${accountId}`)}
    actions={
      <TopToolbar>
        <ExportButton />
      </TopToolbar>
    }
    title={false}
    empty={false}
  >
    <Datagrid
      bulkActionButtons={false}
      rowClick={(_id, _resource, record) => {
        onOpen(record as Email);
        return false;
      }}
      empty={<div style={{ padding: 16 }}>No emails.</div>}
    >
      <FunctionField<Email> label="Status" sortable={false} render={(email) => <EmailStatusChip status={email.status} />} />
      <TextField source="to" label="To" sortable={false} />
      <TextField source="subject" label="Subject" sortable={false} />
      <FunctionField<Email> label="Reject reason" sortable={false} render={renderRejectReason} />
      <NumberField source="attempts" label="Attempts" sortable={false} />
      <FunctionField<Email> label="Sent" sortable={false} render={(email) => (email.sentAt ? formatDateTime(email.sentAt) : '')} />
      <FunctionField<Email> source="createdAt" label="Created" render={(email) => formatDateTime(email.createdAt)} />
      {canWrite ? (
        <FunctionField<Email>
          label="Actions"
          textAlign="right"
          render={(email) =>
            email.status === 'queued' ? null : (
              <Button
                size="small"
                onClick={(event) => {
                  event.stopPropagation();
                  onResend(email);
                }}
                aria-label={`Send again: ${email.subject}`}
              >
                Send again
              </Button>
            )
          }
        />
      ) : null}
    </Datagrid>
  </List>
);
