import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { Datagrid, type Exporter, ExportButton, FunctionField, List, NumberField, SelectInput, TextField, TopToolbar } from 'react-admin';
import { formatDateTime } from '../../accounts/formatting';
import { downloadRows } from '../csv';
import { EMAIL_STATUSES, type Email } from '../types';
import { emailsResource } from '../resources';
import { EMAIL_STATUS_LABELS, EmailStatusChip } from './EmailStatusChip';

const filters = [
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={EMAIL_STATUSES.map((status) => ({ id: status, name: EMAIL_STATUS_LABELS[status] }))}
    alwaysOn
  />,
];

const exporterFor =
  (accountId: number): Exporter<Email> =>
  (emails) =>
    downloadRows(
      `emails-account-${accountId}`,
      ['id', 'created_at', 'sent_at', 'status', 'to', 'subject', 'reject_reason', 'attempts', 'category', 'attachments'],
      emails.map((email) => [
        email.id,
        email.createdAt,
        email.sentAt,
        email.status,
        email.to,
        email.subject,
        email.rejectReason,
        email.attempts,
        email.categoryName,
        email.attachments.map((attachment) => attachment.filename).join('; '),
      ]),
    );

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
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    disableSyncWithLocation
    storeKey={false}
    exporter={exporterFor(accountId)}
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
      <FunctionField<Email>
        label="Reject reason"
        sortable={false}
        render={(email) =>
          email.rejectReason ? (
            <Tooltip title={email.rejectReason}>
              <span>{email.rejectReason.length > 60 ? `${email.rejectReason.slice(0, 60)}…` : email.rejectReason}</span>
            </Tooltip>
          ) : (
            ''
          )
        }
      />
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
