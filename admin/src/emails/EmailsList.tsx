import { Datagrid, ExportButton, FunctionField, List, NumberField, ReferenceField, TextField, TopToolbar } from 'react-admin';
import { formatDateTime } from '../accounts/formatting';
import { emailExporter, emailFilters, renderRejectReason } from '../correspondence/emails/emailColumns';
import { EmailStatusChip } from '../correspondence/emails/EmailStatusChip';
import type { Email } from '../correspondence/types';

/** Email to every account, newest first, for following up on what the relay refused or still holds; a row opens the account. */
export const EmailsList = () => (
  <List
    filters={emailFilters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={emailExporter('emails')}
    actions={
      <TopToolbar>
        <ExportButton />
      </TopToolbar>
    }
    title="Emails"
  >
    <Datagrid
      bulkActionButtons={false}
      rowClick={(_id, _resource, record) => ((record as Email).accountId ? `/accounts/${(record as Email).accountId}/show` : false)}
    >
      <FunctionField<Email> label="Status" sortable={false} render={(email) => <EmailStatusChip status={email.status} />} />
      <ReferenceField source="accountId" reference="accounts" label="Account" sortable={false} link={false} emptyText="—" />
      <TextField source="to" label="To" sortable={false} />
      <TextField source="subject" label="Subject" sortable={false} />
      <FunctionField<Email> label="Reject reason" sortable={false} render={renderRejectReason} />
      <NumberField source="attempts" label="Attempts" sortable={false} />
      <FunctionField<Email> source="createdAt" label="Created" render={(email) => formatDateTime(email.createdAt)} />
    </Datagrid>
  </List>
);
