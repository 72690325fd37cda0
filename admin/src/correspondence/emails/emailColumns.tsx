import Tooltip from '@mui/material/Tooltip';
import { type Exporter, SelectInput } from 'react-admin';
import { downloadRows } from '../csv';
import { EMAIL_STATUSES, type Email } from '../types';
import { EMAIL_STATUS_LABELS } from './EmailStatusChip';

/** What the account's email list and the list across accounts share: the status filter, the reason cell and the CSV. */
export const emailFilters = [
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={EMAIL_STATUSES.map((status) => ({ id: status, name: EMAIL_STATUS_LABELS[status] }))}
    alwaysOn
  />,
];

/** The relay's answer, cut to fit a row; the whole of it on hover. */
export const renderRejectReason = (email: Email) =>
  email.rejectReason ? (
    <Tooltip title={email.rejectReason}>
      <span>{email.rejectReason.length > 60 ? `${email.rejectReason.slice(0, 60)}…` : email.rejectReason}</span>
    </Tooltip>
  ) : (
    ''
  );

/** The rows the list fetched for its filters, as a CSV file named `${filename}.csv`. */
export const emailExporter =
  (filename: string): Exporter<Email> =>
  (emails) =>
    downloadRows(
      filename,
      ['id', 'account_id', 'created_at', 'sent_at', 'status', 'to', 'subject', 'reject_reason', 'attempts', 'category', 'attachments'],
      emails.map((email) => [
        email.id,
        email.accountId,
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
