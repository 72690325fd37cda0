import Tooltip from '@mui/material/Tooltip';
import { Datagrid, FunctionField, List, NumberField, ReferenceField, SelectInput, TextField } from 'react-admin';
import { formatDateTime } from '../accounts/formatting';
import { EMAIL_STATUS_LABELS, EmailStatusChip } from '../correspondence/emails/EmailStatusChip';
import { EMAIL_STATUSES, type Email } from '../correspondence/types';

const filters = [
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={EMAIL_STATUSES.map((status) => ({ id: status, name: EMAIL_STATUS_LABELS[status] }))}
    alwaysOn
  />,
];

/** Email to every account, newest first, for following up on what the relay refused or still holds; a row opens the account. */
export const EmailsList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false} title="Emails">
    <Datagrid
      bulkActionButtons={false}
      rowClick={(_id, _resource, record) => ((record as Email).accountId ? `/accounts/${(record as Email).accountId}/show` : false)}
    >
      <FunctionField<Email> label="Status" sortable={false} render={(email) => <EmailStatusChip status={email.status} />} />
      <ReferenceField source="accountId" reference="accounts" label="Account" sortable={false} link={false} emptyText="—" />
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
      <FunctionField<Email> source="createdAt" label="Created" render={(email) => formatDateTime(email.createdAt)} />
    </Datagrid>
  </List>
);
